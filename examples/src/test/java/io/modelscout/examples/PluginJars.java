package io.modelscout.examples;

import com.google.inject.AbstractModule;
import io.modelscout.api.ModelPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars inside a test, the way an author's build would: compiles the sources with the JDK's compiler
 * against the plugin API alone, and packs the classes and resources (with the service file) into a jar. No Maven:
 * during {@code ./mvnw verify} ModelScout's own artifacts are not in the local repository yet.
 */
final class PluginJars {
    /** The example plugin project, relative to this module. */
    static final Path EXAMPLE = Path.of("custom-plugin");
    /** Small plugins that misbehave on purpose, kept as sources among the test resources. */
    static final Path BAD = Path.of("src", "test", "resources", "bad-plugins");

    private PluginJars() {
    }

    /** The example plugin, built from {@code custom-plugin/src/main}. */
    static Path example(Path jar) throws IOException {
        return build(jar, List.of(EXAMPLE.resolve("src/main/java")), List.of(EXAMPLE.resolve("src/main/resources")));
    }

    /** One of the misbehaving plugins: its own sources and service file, plus the shared base class. */
    static Path bad(String name, Path jar) throws IOException {
        return build(jar, List.of(BAD.resolve("common"), BAD.resolve(name).resolve("java")),
                List.of(BAD.resolve(name).resolve("resources")));
    }

    /**
     * Compiles the sources and writes the jar.
     *
     * @param jar the jar to write
     * @param sourceRoots folders of {@code .java} files
     * @param resourceRoots folders copied into the jar as they are
     * @return the jar
     */
    static Path build(Path jar, List<Path> sourceRoots, List<Path> resourceRoots) throws IOException {
        Path classes = Files.createTempDirectory(jar.getParent(), "classes");
        var sources = new ArrayList<Path>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            if (sources.isEmpty()) {
                return pack(jar, resourceRoots, classes);
            }
            var options = List.of("--release", "25", "-proc:none", "-implicit:none", "-classpath", apiClassPath(),
                    "-d", classes.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!ok) {
                throw new IllegalStateException("plugin sources do not compile: " + diagnostics.getDiagnostics());
            }
        }
        return pack(jar, resourceRoots, classes);
    }

    private static Path pack(Path jar, List<Path> resourceRoots, Path classes) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out, manifest)) {
            var roots = new ArrayList<Path>(resourceRoots);
            roots.add(classes);
            for (Path root : roots) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    zip.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }

    /** The plugin API and the injection packages it is written against: what a plugin's build has on its class path. */
    private static String apiClassPath() {
        var entries = new ArrayList<String>();
        for (Class<?> type : List.of(ModelPlugin.class, AbstractModule.class, jakarta.inject.Inject.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
