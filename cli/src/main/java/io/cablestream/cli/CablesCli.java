package io.cablestream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code cables} command line; {@code bin/cables} runs it for parse, ingest, replay and token. */
@Command(name = "cables", mixinStandardHelpOptions = true, version = "cable-stream 1.0.0",
        description = "Parse, ingest and replay diplomatic cables.",
        subcommands = {ParseCommand.class, IngestCommand.class, ReplayCommand.class, TokenCommand.class})
public class CablesCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CablesCli()).execute(args));
    }
}
