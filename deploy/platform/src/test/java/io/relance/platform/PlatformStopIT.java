package io.relance.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the platform leaves no process and no listening port behind. */
class PlatformStopIT {

    @Test
    void stoppingThePlatformLeavesNoProcessAndNoPortBehind() {
        Platform platform = SharedPlatform.startFresh();
        List<Long> pids = new ArrayList<>(List.of(platform.kafka().pid(), platform.postgres().pid()));
        List<Integer> ports = new ArrayList<>(List.of(platform.kafka().port(), platform.postgres().port()));
        platform.services().forEach(service -> {
            pids.add(service.pid());
            ports.add(service.port());
        });
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port %d while running", port).isTrue());

        platform.close();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d after stop", pid).isEmpty());
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port %d after stop", port).isFalse());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
