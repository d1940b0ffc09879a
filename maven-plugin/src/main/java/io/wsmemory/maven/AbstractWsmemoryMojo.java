package io.wsmemory.maven;

import io.wsmemory.core.engine.ScanLimits;
import io.wsmemory.core.cache.ScanCache;
import io.wsmemory.core.engine.ScanProgress;
import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.report.Workspace;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: the parameters, the skip switch, and the scan. The work is in the report module. */
abstract class AbstractWsmemoryMojo extends AbstractMojo {

    /** The folder to scan. */
    @Parameter(property = "wsmemory.scanDirectory", defaultValue = "${project.basedir}", required = true)
    File scanDirectory;

    /** The folder that holds one memory folder per project ({@code <memoryRoot>/<project>/}). */
    @Parameter(property = "wsmemory.memoryRoot", defaultValue = "${project.basedir}/memory/websocket-engineer",
            required = true)
    File memoryRoot;

    /**
     * The project's name, which names its memory folder; by default what the scanned folder's manifests say
     * (package.json, go.mod, pom.xml's artifactId, pyproject.toml), as {@code wsmemory scan} does.
     */
    @Parameter(property = "wsmemory.project")
    String projectName;

    /** Files scanned in parallel; by default one per core. */
    @Parameter(property = "wsmemory.threads")
    Integer threads;

    /** Source files larger than this many bytes are skipped unread (default 2 MiB), as {@code --max-file-size}. */
    @Parameter(property = "wsmemory.maxFileSize")
    Long maxFileSize;

    /** A file's parse, queries and value resolution may take this many ms (default 10000), as {@code --file-timeout}. */
    @Parameter(property = "wsmemory.fileTimeout")
    Long fileTimeout;

    /** At most this many files are scanned, the first in path order (default 500000), as {@code --max-files}. */
    @Parameter(property = "wsmemory.maxFiles")
    Integer maxFiles;

    /**
     * Whether a pom-packaged project with modules (an aggregator) is scanned too. By default it is skipped: its
     * modules have their own memory, and scanning the parent would read them all again.
     */
    @Parameter(property = "wsmemory.includeAggregator", defaultValue = "false")
    boolean includeAggregator;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * Where the result of a scan is kept, so that a build of an unchanged project re-checks it without parsing (see
     * the README's "The scan cache"); in the build folder, which the scan itself leaves out.
     */
    @Parameter(property = "wsmemory.cacheDirectory", defaultValue = "${project.build.directory}/wsmemory-cache")
    File cacheDirectory;

    /** Scans every file, and keeps nothing for the next build. */
    @Parameter(property = "wsmemory.noCache", defaultValue = "false")
    boolean noCache;

    /** Skips the goal. */
    @Parameter(property = "wsmemory.skip", defaultValue = "false")
    boolean skip;

    /** The limits configured, the defaults for the others. */
    ScanLimits limits() throws MojoExecutionException {
        ScanLimits l = ScanLimits.defaults();
        try {
            if (maxFileSize != null) {
                l = l.withMaxFileBytes(maxFileSize);
            }
            if (fileTimeout != null) {
                l = l.withFileTimeoutMillis(fileTimeout);
            }
            if (maxFiles != null) {
                l = l.withMaxFiles(maxFiles);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("wsmemory: maxFileSize, fileTimeout and maxFiles must be positive: "
                    + maxFileSize + ", " + fileTimeout + ", " + maxFiles);
        }
        return l;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wsmemory: skipped (wsmemory.skip)");
            return;
        }
        if (!includeAggregator && project != null && "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty()) {
            getLog().info("wsmemory: skipped the aggregator " + project.getArtifactId() + ": its modules have their"
                    + " own memory (-Dwsmemory.includeAggregator=true scans it too)");
            return;
        }
        if (!scanDirectory.isDirectory()) {
            throw new MojoExecutionException("wsmemory: not a directory: " + scanDirectory);
        }
        if (projectName != null && projectName.isBlank()) {
            throw new MojoExecutionException("wsmemory: the project name must not be empty");
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new MojoExecutionException("wsmemory: threads must be between 1 and 1024, not " + threads);
        }
        ScanCache cache = noCache || cacheDirectory == null ? ScanCache.NONE
                : ScanCache.in(cacheDirectory.toPath(), pluginVersion());
        Workspace ws = new Workspace(scanDirectory.toPath(), memoryRoot.toPath(), null, projectName, threads, limits(), cache);
        ScanResult result;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader()); // detectors are found through ServiceLoader
        try {
            result = ws.scan(ScanProgress.NONE);
        } catch (IOException e) {
            throw new MojoExecutionException("wsmemory: cannot scan " + scanDirectory + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
        for (String w : cache.warnings()) {
            getLog().warn("wsmemory: " + w);
        }
        getLog().debug("wsmemory: " + result.stats().summary());
        run(ws, result);
    }

    /** The plugin's version, part of the cache key (with the size and time of the code it runs). */
    private String pluginVersion() {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "wsmemory-maven-plugin" : v;
    }

    /** The goal's work on a finished scan. */
    abstract void run(Workspace ws, ScanResult result) throws MojoExecutionException, MojoFailureException;

    /** A path for the log: relative to the project's folder when inside it. */
    String shown(java.nio.file.Path p) {
        java.nio.file.Path base = project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                : scanDirectory.toPath();
        String rel = new Workspace(base, null, null, null, null).relative(p);
        return rel == null || rel.isEmpty() ? p.toString() : rel;
    }
}
