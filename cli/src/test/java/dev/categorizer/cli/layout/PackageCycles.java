package dev.categorizer.cli.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cycles of a package graph: each group of packages that reach one another through their references (a
 * strongly connected component of two or more, by Tarjan's algorithm), in sorted order.
 *
 * <pre>{@code
 * PackageCycles.of(Map.of("a", Set.of("b"), "b", Set.of("a", "c")));   // [[a, b]]
 * }</pre>
 */
final class PackageCycles {

    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private PackageCycles(Map<String, Set<String>> graph) {
        this.graph = graph;
    }

    static List<Set<String>> of(Map<String, Set<String>> graph) {
        PackageCycles search = new PackageCycles(graph);
        for (String p : new TreeSet<>(graph.keySet())) {
            if (!search.index.containsKey(p)) {
                search.visit(p);
            }
        }
        return search.cycles;
    }

    private void visit(String p) {
        index.put(p, index.size());
        lowLink.put(p, index.get(p));
        stack.add(p);
        for (String q : new TreeSet<>(graph.getOrDefault(p, Set.of()))) {
            if (!index.containsKey(q)) {
                visit(q);
                lowLink.put(p, Math.min(lowLink.get(p), lowLink.get(q)));
            } else if (stack.contains(q)) {
                lowLink.put(p, Math.min(lowLink.get(p), index.get(q)));
            }
        }
        if (lowLink.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.remove(stack.size() - 1);
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
