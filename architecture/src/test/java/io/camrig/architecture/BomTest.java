package io.camrig.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * camrig-bom is what a consumer imports: it must manage every camrig artifact that is published,
 * and pin the libraries at the versions the build itself uses (the parent pom's properties).
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomPinsTheVersionsTheBuildUses() throws Exception {
        Map<String, String> bom = properties(pom(ROOT.resolve("bom/pom.xml")));
        Map<String, String> parent = properties(pom(ROOT.resolve("pom.xml")));
        assertThat(bom).containsKeys("reactor-bom.version", "netty-bom.version", "micrometer.version", "jackson.version");
        bom.forEach((name, version) -> assertThat(parent.get(name))
                .as("parent pom property %s (the BOM says %s)", name, version).isEqualTo(version));
    }

    @Test
    void theBomManagesEveryPublishedCamrigArtifact() throws Exception {
        Document bom = pom(ROOT.resolve("bom/pom.xml"));
        List<String> managed = new ArrayList<>();
        for (Element d : children(child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies"), "dependency")) {
            if ("io.camrig".equals(text(d, "groupId"))) {
                managed.add(text(d, "artifactId"));
            }
        }
        List<String> published = new ArrayList<>();
        for (Element m : children(child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules"), "module")) {
            Document module = pom(ROOT.resolve(m.getTextContent().trim()).resolve("pom.xml"));
            String artifactId = text(module.getDocumentElement(), "artifactId");
            boolean skipped = "true".equals(properties(module).get("maven.deploy.skip"));
            if (!skipped && !"camrig-bom".equals(artifactId)) {
                published.add(artifactId);
            }
        }
        assertThat(published).contains("camrig-engine", "camrig-simulator");
        assertThat(managed).containsAll(published);
    }

    private static Document pom(Path file) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element p = child(pom.getDocumentElement(), "properties");
        if (p != null) {
            for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
