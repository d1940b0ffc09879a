package io.wsmemory.detectors.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wsmemory.core.api.Detector;
import io.wsmemory.core.engine.Detectors;
import io.wsmemory.core.engine.ScanEngine;
import io.wsmemory.core.engine.ScanOptions;
import io.wsmemory.core.engine.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Local tool, not committed: -Dinfra.scan=DIR -Dinfra.out=FILE [-Dinfra.only=true]. */
class LocalScanToolTest {
    @Test
    @EnabledIfSystemProperty(named = "infra.scan", matches = ".+")
    void scan() throws Exception {
        for (String dir : System.getProperty("infra.scan").split(",")) {
            List<Detector> ds = Detectors.load();
            if (Boolean.getBoolean("infra.only")) {
                ds = ds.stream().filter(d -> d.descriptor().id().startsWith("infra-")).toList();
            }
            ScanResult r = new ScanEngine(ds, List.of(), ScanOptions.defaults()).scan(Path.of(dir));
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            String out = System.getProperty("infra.out", "/tmp/infra-report") + "-" + Path.of(dir).getFileName() + ".json";
            Files.writeString(Path.of(out), m.writeValueAsString(Map.of("facts", r.facts(), "skipped", r.skipped())));
            System.out.println("wrote " + out + " facts=" + r.facts().size() + " " + r.stats());
        }
    }
}
