package io.wsmemory.detectors.manifest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The parts of a {@code pom.xml} that decide library versions, with the line of each dependency. */
final class PomModel {

    /** A dependency; {@code line} is that of its {@code artifactId}, the element that names it. */
    record Dep(String groupId, String artifactId, String version, String scope, String type, String profile,
               boolean managed, int line) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    record Parent(String groupId, String artifactId, String version, String relativePath) {
    }

    String groupId;
    String artifactId;
    String version;
    Parent parent;
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<Dep> dependencies = new ArrayList<>();

    private PomModel() {
    }

    static PomModel parse(byte[] content) throws IOException {
        PomModel m = new PomModel();
        XMLStreamReader r = null;
        try {
            r = Parsers.xml().createXMLStreamReader(new ByteArrayInputStream(content));
            List<String> path = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            Map<String, String> dep = new LinkedHashMap<>();
            Map<String, String> parent = new LinkedHashMap<>();
            int depLine = 0;
            String profile = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.add(r.getLocalName());
                    text.setLength(0);
                    if (path.size() > 64) {
                        throw new IOException("nesting too deep");
                    }
                    String p = String.join("/", path);
                    if (isDependency(p)) {
                        dep.clear();
                        depLine = r.getLocation().getLineNumber();
                    } else if (isDependency(parentOf(p)) && r.getLocalName().equals("artifactId")) {
                        depLine = r.getLocation().getLineNumber();
                    } else if (p.equals("project/parent/relativePath")) {
                        parent.put("relativePath", "");
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    if (text.length() < 4096) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String p = String.join("/", path);
                    String name = path.get(path.size() - 1);
                    String value = text.toString().strip();
                    if (isDependency(p)) {
                        if (dep.get("groupId") != null && dep.get("artifactId") != null) {
                            m.dependencies.add(new Dep(dep.get("groupId"), dep.get("artifactId"), dep.get("version"),
                                    dep.get("scope"), dep.get("type"), p.startsWith("project/profiles/") ? profile
                                    : null, p.contains("dependencyManagement"), depLine));
                        }
                    } else if (isDependency(parentOf(p))) {
                        dep.put(name, value);
                    } else if (p.equals("project/profiles/profile/id")) {
                        profile = value;
                    } else if (p.startsWith("project/parent/") && path.size() == 3) {
                        parent.put(name, value);
                    } else if (p.equals("project/parent")) {
                        m.parent = new Parent(parent.get("groupId"), parent.get("artifactId"), parent.get("version"),
                                parent.get("relativePath"));
                    } else if (p.startsWith("project/properties/") && path.size() == 3) {
                        m.properties.put(name, value);
                    } else if (p.equals("project/groupId")) {
                        m.groupId = value;
                    } else if (p.equals("project/artifactId")) {
                        m.artifactId = value;
                    } else if (p.equals("project/version")) {
                        m.version = value;
                    } else if (p.equals("project/profiles/profile")) {
                        profile = null;
                    }
                    path.remove(path.size() - 1);
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("not a readable pom: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
        return m;
    }

    private static boolean isDependency(String p) {
        return p.equals("project/dependencies/dependency")
                || p.equals("project/dependencyManagement/dependencies/dependency")
                || p.equals("project/profiles/profile/dependencies/dependency");
    }

    private static String parentOf(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    /** The group of the project, inherited from its parent when it names none. */
    String effectiveGroupId() {
        return groupId != null ? groupId : parent != null ? parent.groupId() : null;
    }

    String effectiveVersion() {
        return version != null ? version : parent != null ? parent.version() : null;
    }
}
