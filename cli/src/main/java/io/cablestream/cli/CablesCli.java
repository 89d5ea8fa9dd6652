package io.cablestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cables} command line; {@code bin/cables} runs it for parse, ingest and replay. */
@Command(name = "cables", mixinStandardHelpOptions = true, version = "cable-stream 1.0.0",
        description = "Parse, ingest and replay diplomatic cables.",
        subcommands = {ParseCommand.class, IngestCommand.class, ReplayCommand.class})
public class CablesCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CablesCli()).execute(args));
    }
}
