package dev.iamsteward.queue;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens, on a connection of its own, for the wake-ups that committing transactions send, and wakes the
 * workers. A lost connection is opened again with backoff, and the workers are woken then too, since a
 * wake-up sent meanwhile was lost; the workers' poll finds anything else that is missed.
 */
final class QueueListener implements Runnable {

    static final String CHANNEL = "steward_work";
    private static final int WAIT_MILLIS = 500;

    private final DataSource db;
    private final Runnable wake;
    private final Backoff reconnect = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    private volatile boolean running = true;

    QueueListener(DataSource db, Runnable wake) {
        this.db = db;
        this.wake = wake;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try (Connection connection = db.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("LISTEN " + CHANNEL);
                }
                failures = 0;
                wake.run();
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    failures++;
                    Duration pause = reconnect.after(failures);
                    Log.warnf("Listening for queue wake-ups failed (%s); again in %d ms", e.getMessage(),
                            pause.toMillis());
                    sleep(pause);
                }
            }
        }
    }

    void stop() {
        running = false;
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
