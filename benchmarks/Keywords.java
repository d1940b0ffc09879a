import io.wsmemory.core.api.Detector;
import io.wsmemory.core.engine.Detectors;
import java.util.TreeSet;

/**
 * Prints the pre-filter keywords of every detector on the class path, one a line, for the ripgrep baseline:
 * {@code java -cp cli/target/wsmemory.jar benchmarks/Keywords.java}.
 */
public class Keywords {
    public static void main(String[] args) {
        TreeSet<String> all = new TreeSet<>();
        for (Detector d : Detectors.load()) {
            for (String k : d.descriptor().keywords()) {
                if (!k.isBlank() && k.indexOf('\n') < 0) {
                    all.add(k);
                }
            }
        }
        all.forEach(System.out::println);
    }
}
