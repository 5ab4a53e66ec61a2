package dev.banger.plugins.vm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.api.WorkspaceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files go on top of the bundle, on real repositories: changed tracked files always, untracked on request, ignored never. */
class FileSelectionTest {
    @TempDir
    Path tmp;

    @Test
    void changedTrackedFilesGoWithTheirStatusAndIgnoredFilesNever() throws Exception {
        TempRepo r = TempRepo.standard(tmp.resolve("repo"));
        SourceRepo repo = SourceInspector.inspect(r.dir);
        assertThat(FileSelection.overlay(repo, false)).containsExactly(
                new WorkspaceFile("README", "modified"), new WorkspaceFile("gone.txt", "deleted"), new WorkspaceFile("new.txt", "added"));
        assertThat(FileSelection.overlay(repo, true)).containsExactly(
                new WorkspaceFile("README", "modified"), new WorkspaceFile("gone.txt", "deleted"), new WorkspaceFile("new.txt", "added"),
                new WorkspaceFile("notes.txt", "untracked"));
    }

    @Test
    void aCleanTreeHasNothingOnTopOfTheHistory() throws Exception {
        TempRepo r = TempRepo.init(tmp.resolve("clean"));
        r.write("a", "a\n");
        r.git("add", "a");
        r.git("commit", "-q", "-m", "a");
        r.write("ignored.log", "x\n");
        r.write(".git/info/exclude", "*.log\n");
        assertThat(FileSelection.overlay(SourceInspector.inspect(r.dir), true)).isEmpty();
    }

    @Test
    void oddNamesSurviveAndNestedRepositoriesAreLeftOut() throws Exception {
        TempRepo r = TempRepo.init(tmp.resolve("odd"));
        r.write("plain", "p\n");
        r.git("add", "plain");
        r.git("commit", "-q", "-m", "p");
        r.write("with space/ünï \"quoted\".txt", "x\n");
        TempRepo.init(r.dir.resolve("nested")).write("inner", "i\n");
        assertThat(FileSelection.overlay(SourceInspector.inspect(r.dir), true))
                .containsExactly(new WorkspaceFile("with space/ünï \"quoted\".txt", "untracked"));
    }

    @Test
    void fullCopyListsEveryTrackedFileThatStillExists() throws Exception {
        TempRepo r = TempRepo.standard(tmp.resolve("full"));
        List<WorkspaceFile> files = FileSelection.fullCopy(SourceInspector.inspect(r.dir), false);
        assertThat(files).extracting(WorkspaceFile::path).containsExactly(".gitignore", "README", "new.txt", "src/app.txt");
        assertThat(files).extracting(WorkspaceFile::status).containsOnly("tracked");
        assertThat(FileSelection.fullCopy(SourceInspector.inspect(r.dir), true)).extracting(WorkspaceFile::path).contains("notes.txt")
                .doesNotContain("build/out.log");
    }
}
