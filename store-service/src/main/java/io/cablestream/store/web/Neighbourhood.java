package io.cablestream.store.web;

import io.cablestream.store.persistence.query.CableGraph;
import io.cablestream.store.persistence.query.CitingCable;
import io.cablestream.store.persistence.query.ReferenceLink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference graph around a cable, {@link #STEPS} steps out both ways: the cables it cites and those citing it,
 * then theirs. Only cables stored and visible to the reader are nodes ({@link CableGraph} reads within the
 * clearance); a reference to any other cable is counted in {@code unavailable}, never named.
 */
public record Neighbourhood(String center, List<Node> nodes, List<Edge> edges, int unavailable) {

    static final int STEPS = 2;

    /** A cable of the graph, {@code steps} away from the centre. */
    public record Node(String cableId, String subject, String classification, int steps) {
        public String url() {
            return WebPaths.cable(cableId);
        }

        public String levelClass() {
            return Marking.ofClassification(classification);
        }
    }

    /** {@code from} cites {@code to}. */
    public record Edge(String from, String to) {
    }

    /** Call inside ClearedReads.call; {@code center} must be visible to the reader. */
    static Neighbourhood around(String center, String classification, String subject, CableGraph graph) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        Set<String> unavailable = new LinkedHashSet<>();
        nodes.put(center, new Node(center, subject, classification, 0));
        List<String> frontier = List.of(center);
        for (int step = 1; step <= STEPS; step++) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                for (ReferenceLink link : graph.references(id).orElse(List.of())) {
                    if (link.cableId() == null) {
                        continue;
                    }
                    if (!link.stored()) {
                        unavailable.add(link.cableId());
                        continue;
                    }
                    edges.add(new Edge(id, link.cableId()));
                    if (!nodes.containsKey(link.cableId())) {
                        // a ReferenceLink carries no classification: asked for below, for all such nodes at once
                        nodes.put(link.cableId(), new Node(link.cableId(), link.subject(), null, step));
                        next.add(link.cableId());
                    }
                }
                for (CitingCable citing : graph.citedBy(id)) {
                    edges.add(new Edge(citing.cableId(), id));
                    Node known = nodes.get(citing.cableId());
                    if (known == null) {
                        nodes.put(citing.cableId(), new Node(citing.cableId(), citing.subject(),
                                citing.classification(), step));
                        next.add(citing.cableId());
                    } else if (known.classification() == null) {
                        nodes.put(known.cableId(), new Node(known.cableId(), known.subject(),
                                citing.classification(), known.steps()));
                    }
                }
            }
            frontier = next;
        }
        List<String> unmarked = nodes.values().stream().filter(n -> n.classification() == null).map(Node::cableId).toList();
        Map<String, String> classifications = unmarked.isEmpty() ? Map.of() : graph.classifications(unmarked);
        List<Node> marked = nodes.values().stream().map(n -> n.classification() != null ? n
                : new Node(n.cableId(), n.subject(), classifications.get(n.cableId()), n.steps())).toList();
        return new Neighbourhood(center, marked, List.copyOf(edges), unavailable.size());
    }
}
