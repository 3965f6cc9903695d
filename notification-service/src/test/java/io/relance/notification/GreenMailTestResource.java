package io.relance.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM, on a free port, that the application's mailer sends to. */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
        }
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        GreenMail server = greenMail();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // One server per test JVM, shared by the test classes; it stops with the JVM.
    }
}
