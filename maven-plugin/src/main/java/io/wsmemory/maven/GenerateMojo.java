package io.wsmemory.maven;

import io.wsmemory.core.engine.ScanResult;
import io.wsmemory.report.KeptBlock;
import io.wsmemory.report.MemoryWriter;
import io.wsmemory.report.WriteReport;
import io.wsmemory.report.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes or updates the memory files of the project ({@code connection_patterns.md}, {@code message_schemas.md},
 * {@code scaling_config.md}, {@code wsmemory.json}), keeping the text outside the generated blocks, as
 * {@code wsmemory scan} does. Blocks edited by hand are kept and named in a warning unless {@code force}.
 */
@Mojo(name = "generate", threadSafe = true)
public final class GenerateMojo extends AbstractWsmemoryMojo {

    /** Overwrite generated blocks that were edited by hand (text outside the blocks is kept either way). */
    @Parameter(property = "wsmemory.force", defaultValue = "false")
    boolean force;

    @Override
    void run(Workspace ws, ScanResult result) throws MojoExecutionException {
        Path dir = ws.memoryDir(result.projectName());
        String links = ws.linkProblem(dir);
        if (links != null) {
            throw new MojoExecutionException("wsmemory: " + links + "; set memoryRoot to another folder");
        }
        WriteReport written;
        try {
            written = MemoryWriter.write(result, dir, force);
        } catch (IOException e) {
            throw new MojoExecutionException("wsmemory: cannot write " + dir + ": " + e.getMessage(), e);
        }
        String where = shown(dir);
        getLog().info("wsmemory: " + result.stats().facts() + " facts; "
                + (written.written().isEmpty() ? "memory up to date in " + where
                : "wrote " + String.join(", ", written.written()) + " to " + where));
        for (String w : written.warnings()) {
            getLog().warn("wsmemory: " + w + " (left as text)");
        }
        if (written.keptEdits()) {
            List<String> kept = new ArrayList<>();
            for (KeptBlock k : written.kept()) {
                kept.add(k.where() + " (" + k.reason() + ")");
            }
            getLog().warn("wsmemory: kept what was edited by hand in " + String.join(", ", kept)
                    + "; move your text outside the blocks, then run `mvn wsmemory:generate -Dwsmemory.force=true`");
        }
    }
}
