package io.relance.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServersTest {

    @TempDir
    Path tmp;

    @Test
    void onlyTestFoldersOlderThanADayWhoseProcessesAreAllGoneAreDeleted() throws Exception {
        long gone = exitedProcessPid();
        long running = ProcessHandle.current().pid();
        Path abandoned = testFolder("relance-test-abandoned", Duration.ofDays(2), gone);
        Path stillRunning = testFolder("relance-test-still-running", Duration.ofDays(2), gone, running);
        Path recent = testFolder("relance-test-recent", Duration.ofHours(1), gone);
        Path unrelated = testFolder("unrelated", Duration.ofDays(2), gone);

        LocalServers.deleteStale(tmp);

        assertThat(abandoned).doesNotExist();
        assertThat(stillRunning).exists();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
    }

    private Path testFolder(String name, Duration age, long... pids) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name).resolve("postgres")).getParent();
        StringBuilder lines = new StringBuilder();
        for (long pid : pids) {
            lines.append(pid).append('\n');
        }
        Files.writeString(folder.resolve("pids"), lines);
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
        return folder;
    }

    private static long exitedProcessPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
