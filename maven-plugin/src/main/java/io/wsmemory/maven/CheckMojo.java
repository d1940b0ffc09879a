package io.wsmemory.maven;

import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.report.DriftCheck;
import io.wsmemory.report.DriftReport;
import io.wsmemory.report.DriftText;
import io.wsmemory.report.FailOn;
import io.wsmemory.report.Snapshot;
import io.wsmemory.report.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed memory no longer matches the code, as {@code wsmemory check} does: every fact
 * added, removed or changed since {@code wsmemory.json} was written, classified breaking or additive, with its
 * evidence; and every generated block edited by hand. Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractWsmemoryMojo {

    static final DriftText.Fixes FIXES = new DriftText.Fixes("mvn wsmemory:generate",
            "mvn wsmemory:generate -Dwsmemory.force=true", "failOn=%s");

    /** {@code any}: every change fails the build; {@code breaking}: only breaking changes do. */
    @Parameter(property = "wsmemory.failOn", defaultValue = "any")
    String failOn;

    @Override
    void run(Workspace ws, ScanResult result) throws MojoExecutionException, MojoFailureException {
        FailOn fail;
        try {
            fail = FailOn.valueOf(failOn.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("wsmemory: failOn must be any or breaking, not " + failOn);
        }
        Path dir = ws.memoryDir(result.projectName());
        String where = shown(dir);
        DriftReport report;
        try {
            report = DriftCheck.run(dir, result);
        } catch (Snapshot.SnapshotException e) {
            if (e.missing()) {
                throw new MojoExecutionException("wsmemory: no memory to check in " + where + " (no wsmemory.json);"
                        + " create it with `" + FIXES.update() + "` and commit it");
            }
            throw new MojoExecutionException("wsmemory: " + e.getMessage() + "; write it again with `"
                    + FIXES.force() + "`", e);
        } catch (IOException e) {
            throw new MojoExecutionException("wsmemory: cannot read the memory in " + where + ": " + e.getMessage(),
                    e);
        }
        boolean fails = report.fails(fail);
        for (String line : DriftText.body(report, FIXES, false, getLog().isDebugEnabled()).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (fails) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        String summary = "wsmemory: " + DriftText.summary(report, fail, FIXES, where);
        if (fails) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }
}
