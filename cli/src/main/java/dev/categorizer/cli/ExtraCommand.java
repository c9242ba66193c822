package dev.categorizer.cli;

/**
 * A subcommand kept out of the job jar, which {@link CategorizerCli} adds when it finds one on the class path
 * through {@link java.util.ServiceLoader}: the benchmarks module's {@code bench}, which the {@code ./categorizer}
 * launcher puts there from a source checkout. An implementation is a picocli {@code @Command} with a public
 * no-argument constructor, named in {@code META-INF/services/dev.categorizer.cli.ExtraCommand}.
 *
 * <pre>{@code
 * @Command(name = "bench", ...)
 * public final class BenchCommand implements Callable<Integer>, ExtraCommand { ... }
 * }</pre>
 */
public interface ExtraCommand {}
