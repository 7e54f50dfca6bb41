package com.analyticscopilot.app.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shipped sample data: {@code sample-data/} in the working directory (running from a
 * checkout), then next to the jar (running an unpacked release from elsewhere).
 */
public final class SampleData {

    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    private final List<Path> roots;

    /** Looks in the given folders, in order, for a {@code sample-data} folder. */
    public SampleData(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The working directory, then the folder holding the jar (or classes folder). */
    public static SampleData standard() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("").toAbsolutePath());
        jarFolder().ifPresent(roots::add);
        return new SampleData(roots);
    }

    private static Optional<Path> jarFolder() {
        try {
            CodeSource source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path parent = location.getParent();

            // target/analytics-copilot.jar and target/classes both sit one below the project.
            return Optional.ofNullable(parent).map(p -> p.getFileName() != null
                    && p.getFileName().toString().equals("target") ? p.getParent() : p);
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            LOG.debug("Cannot tell where the jar is: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The sample KPI file, if found. */
    public Optional<Path> kpis() {
        return find(Path.of("sample-data", "kpis.csv"));
    }

    /** The shipped pretrained model, if found. */
    public Optional<Path> baseModel() {
        return find(Path.of("sample-data", "models", "base.zip"));
    }

    private Optional<Path> find(Path relative) {
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
