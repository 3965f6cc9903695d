package io.relance.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LocalServersIT {

    @Test
    void aSecondClassLoaderGetsTheRunningServersAndCannotStopThem() throws Exception {
        LocalServers here = LocalServers.shared();
        // Quarkus tests load this module again in their own class loaders: they must not start a second pair.
        try (URLClassLoader other = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherLocalServers = other.loadClass(LocalServers.class.getName());
            Object there = otherLocalServers.getMethod("shared").invoke(null);
            Object kafka = otherLocalServers.getMethod("kafka").invoke(there);
            Object postgres = otherLocalServers.getMethod("postgres").invoke(there);

            assertThat(otherLocalServers).isNotSameAs(LocalServers.class);
            assertThat(kafka.getClass().getMethod("bootstrapServers").invoke(kafka))
                    .isEqualTo(here.kafka().bootstrapServers());
            assertThat(kafka.getClass().getMethod("pid").invoke(kafka)).isEqualTo(here.kafka().pid());
            assertThat(postgres.getClass().getMethod("jdbcUrl", String.class).invoke(postgres, "relance"))
                    .isEqualTo(here.postgres().jdbcUrl("relance"));
            assertThat(postgres.getClass().getMethod("pid").invoke(postgres)).isEqualTo(here.postgres().pid());
            assertThatThrownBy(() -> kafka.getClass().getMethod("stop").invoke(kafka))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("another class loader");
        }
        assertThat(ProcessHandle.of(here.kafka().pid())).isPresent();
    }

    private static URL[] testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException(entry, e);
                    }
                })
                .toArray(URL[]::new);
    }
}
