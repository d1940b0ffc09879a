package io.wsmemory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmemory.report.ManagedBlocks.KeptReason;
import io.wsmemory.report.ManagedBlocks.Merge;
import org.junit.jupiter.api.Test;

class ManagedBlocksTest {

    private static final String TEMPLATE = """
            <!-- wsmemory:begin a -->
            ## A

            - one
            <!-- wsmemory:end a -->

            <!-- wsmemory:begin b -->
            ## B
            <!-- wsmemory:end b -->

            <!-- wsmemory:begin c -->
            ## C
            <!-- wsmemory:end c -->
            """;

    private static String fresh(String bodyOfB) {
        return ManagedBlocks.seal(TEMPLATE.replace("## B\n", bodyOfB));
    }

    @Test
    void sealRecordsTheHashOfEachBody() {
        String sealed = ManagedBlocks.seal(TEMPLATE);
        assertThat(sealed).contains("<!-- wsmemory:begin a sha256=" + ManagedBlocks.sha256("## A\n\n- one\n") + " -->\n");
        assertThat(sealed).contains("<!-- wsmemory:begin b sha256=" + ManagedBlocks.sha256("## B\n") + " -->\n");
        assertThat(ManagedBlocks.parse(sealed).blocks()).noneMatch(ManagedBlocks.Block::edited);
        assertThat(ManagedBlocks.seal(sealed)).isEqualTo(sealed);
    }

    @Test
    void sealRejectsATemplateWhoseMarkersDoNotPair() {
        assertThatThrownBy(() -> ManagedBlocks.seal("<!-- wsmemory:begin a -->\nx\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void humanTextOutsideBlocksSurvivesByteForByteAndBlocksUpdate() {
        String v1 = fresh("## B\n- old\n");
        String human = "My notes before.\r\nNo newline at the end of this line";
        String existing = human + "\n" + v1.replace("<!-- wsmemory:end b -->\n\n",
                "<!-- wsmemory:end b -->\n\n  Between b and c, with trailing spaces  \r\n\n") + "\nAfter all\tblocks.";
        String v2 = fresh("## B\n- new\n");

        Merge m = ManagedBlocks.merge(existing, v2, false);

        assertThat(m.kept()).isEmpty();
        assertThat(m.text()).startsWith(human + "\n");
        assertThat(m.text()).contains("<!-- wsmemory:end b -->\n\n  Between b and c, with trailing spaces  \r\n\n<!--");
        assertThat(m.text()).endsWith("<!-- wsmemory:end c -->\n\nAfter all\tblocks.");
        assertThat(m.text()).contains("- new\n").doesNotContain("- old");
        assertThat(outside(m.text())).isEqualTo(outside(existing));
        // a second rescan with the same facts changes nothing
        assertThat(ManagedBlocks.merge(m.text(), v2, false).text()).isEqualTo(m.text());
    }

    @Test
    void anEditedBlockIsKeptAndReportedUnlessForced() {
        String v1 = fresh("## B\n- generated\n");
        String edited = v1.replace("- generated\n", "- generated\n- a human's note inside the block\n");
        String v2 = fresh("## B\n- regenerated\n");

        Merge kept = ManagedBlocks.merge(edited, v2, false);
        assertThat(kept.kept()).containsExactly(new ManagedBlocks.Kept("b", KeptReason.EDITED));
        assertThat(kept.text()).contains("- a human's note inside the block\n").doesNotContain("- regenerated");
        assertThat(kept.text()).contains("## A\n\n- one\n");

        Merge forced = ManagedBlocks.merge(edited, v2, true);
        assertThat(forced.kept()).isEmpty();
        assertThat(forced.text()).isEqualTo(v2);
    }

    @Test
    void aBlockEditedToExactlyWhatIsGeneratedIsNotAConflict() {
        String v1 = fresh("## B\n- generated\n");
        String v2 = fresh("## B\n- regenerated\n");
        String edited = v1.replace("- generated\n", "- regenerated\n");
        Merge m = ManagedBlocks.merge(edited, v2, false);
        assertThat(m.kept()).isEmpty();
        assertThat(m.text()).isEqualTo(v2);
    }

    @Test
    void crlfLineEndsInsideABlockAreNotAnEdit() {
        String v1 = fresh("## B\n- generated\n");
        String crlf = v1.replace("\n", "\r\n");
        Merge m = ManagedBlocks.merge(crlf, fresh("## B\n- next\n"), false);
        assertThat(m.kept()).isEmpty();
        assertThat(m.text()).contains("- next\n");
        assertThat(m.text()).contains("<!-- wsmemory:end a -->\n\r\n"); // the blank line between blocks is human text
    }

    @Test
    void aMissingBlockIsInsertedAfterTheBlockBeforeIt() {
        String v1 = fresh("## B\n");
        String withoutB = v1.substring(0, v1.indexOf("<!-- wsmemory:begin b")) + "Notes.\n\n"
                + v1.substring(v1.indexOf("<!-- wsmemory:begin c"));
        Merge m = ManagedBlocks.merge(withoutB, v1, false);
        assertThat(m.inserted()).containsExactly("b");
        assertThat(m.text()).contains("<!-- wsmemory:end a -->\n\n<!-- wsmemory:begin b");
        assertThat(m.text().indexOf("begin b")).isLessThan(m.text().indexOf("Notes."));
        assertThat(m.text()).contains("Notes.\n\n<!-- wsmemory:begin c");
    }

    @Test
    void aMissingFirstBlockGoesBeforeTheNextAndAFileWithoutBlocksGetsThemAtTheEnd() {
        String v1 = fresh("## B\n");
        String withoutA = "Intro.\n" + v1.substring(v1.indexOf("<!-- wsmemory:begin b"));
        Merge m = ManagedBlocks.merge(withoutA, v1, false);
        assertThat(m.text()).startsWith("Intro.\n<!-- wsmemory:begin a");
        assertThat(m.text().indexOf("end a")).isLessThan(m.text().indexOf("begin b"));

        Merge none = ManagedBlocks.merge("Only human text", v1, false);
        assertThat(none.text()).startsWith("Only human text\n\n<!-- wsmemory:begin a");
        assertThat(ManagedBlocks.parse(none.text()).blocks()).extracting(ManagedBlocks.Block::id)
                .containsExactly("a", "b", "c");
    }

    @Test
    void aBlockNoLongerGeneratedIsRemovedOnlyIfUnedited() {
        String old = fresh("## B\n") + "\n" + ManagedBlocks.block("gone", "## Gone\n").raw();
        Merge m = ManagedBlocks.merge(old, fresh("## B\n"), false);
        assertThat(m.removed()).containsExactly("gone");
        assertThat(m.text()).doesNotContain("Gone").isEqualTo(fresh("## B\n") + "\n");

        String edited = old.replace("## Gone\n", "## Gone\nkept by a human\n");
        Merge k = ManagedBlocks.merge(edited, fresh("## B\n"), false);
        assertThat(k.removed()).isEmpty();
        assertThat(k.kept()).containsExactly(new ManagedBlocks.Kept("gone", KeptReason.EDITED_NO_LONGER_GENERATED));
        assertThat(k.text()).contains("kept by a human");

        Merge f = ManagedBlocks.merge(edited, fresh("## B\n"), true);
        assertThat(f.removed()).containsExactly("gone");
        assertThat(f.text()).doesNotContain("kept by a human");
    }

    @Test
    void markersThatDoNotPairAreLeftAsTextAndReported() {
        String v1 = fresh("## B\n");
        String broken = "<!-- wsmemory:end zzz -->\n" + v1.replace("<!-- wsmemory:end b -->\n", "");
        Merge m = ManagedBlocks.merge(broken, v1, false);
        assertThat(m.problems()).hasSize(2).anyMatch(p -> p.contains("zzz")).anyMatch(p -> p.contains("block b"));
        assertThat(m.text()).startsWith("<!-- wsmemory:end zzz -->\n");
        // the orphaned begin stays as text and a whole block b is inserted after a
        assertThat(ManagedBlocks.parse(m.text()).blocks()).extracting(ManagedBlocks.Block::id)
                .containsExactly("a", "b", "c");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstBlockIsKeptAndDoesNotHideIt() {
        String v1 = fresh("## B\n");
        Merge m = ManagedBlocks.merge("\uFEFF" + v1, fresh("## B\n- more\n"), false);
        assertThat(m.problems()).isEmpty();
        assertThat(m.inserted()).isEmpty();
        assertThat(m.text()).isEqualTo("\uFEFF" + fresh("## B\n- more\n"));
    }

    @Test
    void aBlockWithoutAHashCountsAsEdited() {
        String noHash = fresh("## B\n").replaceFirst("(begin b) sha256=[0-9a-f]+", "$1");
        Merge m = ManagedBlocks.merge(noHash, fresh("## B\n- more\n"), false);
        assertThat(m.kept()).extracting(ManagedBlocks.Kept::id).containsExactly("b");
    }

    /** The file with every block's body cut out: what humans own. */
    private static String outside(String text) {
        StringBuilder b = new StringBuilder();
        for (ManagedBlocks.Segment s : ManagedBlocks.parse(text).segments()) {
            b.append(s instanceof ManagedBlocks.Block blk ? "[" + blk.id() + "]" : s.raw());
        }
        return b.toString();
    }
}
