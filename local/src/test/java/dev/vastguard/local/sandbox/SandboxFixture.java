package dev.vastguard.local.sandbox;

import dev.vastguard.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;

/** A started sandbox with the default market and one account, for one test. */
final class SandboxFixture implements AutoCloseable {

    static final String KEY = "test-key-alpha";
    static final String OTHER_KEY = "test-key-beta";
    static final Instant START = Instant.parse("2026-11-10T08:00:00Z");

    /** RTX 3090, 1x, 0.18 $/h, 0.15 $/GB/month, Texas, verified. */
    static final long CHEAP_3090 = DefaultMarket.FIRST_ID;

    /** RTX 4090, 1x, 0.30 $/h, verified but not rentable. */
    static final long UNRENTABLE_4090 = DefaultMarket.FIRST_ID + 13;

    final MutableClock clock = new MutableClock(START);
    final VastSandbox sandbox = VastSandbox.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), clock);
    final SandboxHttp http = new SandboxHttp(sandbox.baseUrl());

    SandboxFixture() {
        sandbox.seedDefaultOffers();
        sandbox.addAccount(KEY);
        sandbox.addAccount(OTHER_KEY);
    }

    /** Creates an instance through the API and returns its id. */
    long create(long offerId, String label) {
        String body = """
                {"client_id":"me","image":"pytorch/pytorch:latest","disk":10,"label":%s,
                 "env":{"JUPYTER_TOKEN":"x"},"runtype":"ssh_direc ssh_proxy","cancel_unavail":false}
                """.formatted(label == null ? "null" : "\"" + label + "\"");
        SandboxHttp.Reply reply = http.put(KEY, "/api/v0/asks/" + offerId + "/", body);
        if (reply.status() != 200) {
            throw new IllegalStateException("create failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("new_contract").asLong();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
