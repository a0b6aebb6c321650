package dev.gomodel.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmarked client: its name, the module that holds it and the main class that runs its
 * worker. Immutable.
 */
record ClientSpec(String name, String module, String mainClass) {

    /** Every client, in the table's column order; {@code raw} is the baseline. */
    static final List<ClientSpec> ALL = List.of(
            new ClientSpec("raw", "client-raw", "dev.gomodel.bench.raw.RawClient"),
            new ClientSpec("gomodel", "client-gomodel", "dev.gomodel.bench.gomodel.GoModelBenchClient"),
            new ClientSpec("gomodel-router", "client-gomodel", "dev.gomodel.bench.gomodel.GoModelBenchClient"),
            new ClientSpec("openai", "client-openai", "dev.gomodel.bench.openai.OpenAiSdkClient"),
            new ClientSpec("langchain4j", "client-langchain4j", "dev.gomodel.bench.langchain4j.LangChain4jClient"));

    static ClientSpec named(String name) {
        for (ClientSpec spec : ALL) {
            if (spec.name.equals(name)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("unknown client " + name + "; known: "
                + ALL.stream().map(ClientSpec::name).toList());
    }

    /** The worker's class path: the module's own classes, then the runtime jars Maven resolved for it. */
    String classPath(Path benchDir) throws IOException {
        return benchDir.resolve(module).resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(classPathFile(benchDir)).trim();
    }

    /** The library's runtime jars: the class path file's entries but the harness, which lives under {@code benchDir}. */
    List<Path> libraryJars(Path benchDir) throws IOException {
        List<Path> jars = new ArrayList<>();
        Path harness = benchDir.toAbsolutePath().normalize();
        for (String entry : Files.readString(classPathFile(benchDir)).trim().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!entry.isBlank() && !jar.startsWith(harness)) {
                jars.add(jar);
            }
        }
        return jars;
    }

    private Path classPathFile(Path benchDir) throws IOException {
        Path file = benchDir.resolve(module).resolve("target/bench-classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing; build with: mvn -Pbenchmarks -pl gomodel-benchmarks/" + module
                    + " -am package");
        }
        return file;
    }
}
