package dev.vastguard.local.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic, deterministic marketplace for tests and demos: consumer and data-centre GPUs at typical prices, mostly
 * verified and reliable, with a few unverified, unreliable (0.90) or non-rentable offers among them. Offer ids count
 * up from {@value #FIRST_ID} in table order.
 */
final class DefaultMarket {

    static final long FIRST_ID = 5_000_101L;

    /** GPU | count | dph_base | storage $/GB/month | reliability | where | flags. */
    private static final String TABLE = """
            RTX 3090  | 1 | 0.18  | 0.15 | 0.985 | Texas, US       | verified
            RTX 3090  | 1 | 0.21  | 0.10 | 0.975 | Poland, PL      | verified
            RTX 3090  | 1 | 0.24  | 0.12 | 0.990 | Quebec, CA      | verified
            RTX 3090  | 1 | 0.26  | 0.20 | 0.995 | Germany, DE     | verified
            RTX 3090  | 1 | 0.16  | 0.10 | 0.90  | Vietnam, VN     | unverified
            RTX 3090  | 2 | 0.40  | 0.15 | 0.980 | Oregon, US      | verified
            RTX 3090  | 4 | 0.84  | 0.15 | 0.970 | Ohio, US        | verified
            RTX 4090  | 1 | 0.32  | 0.15 | 0.990 | California, US  | verified
            RTX 4090  | 1 | 0.36  | 0.12 | 0.985 | Sweden, SE      | verified
            RTX 4090  | 1 | 0.41  | 0.15 | 0.995 | Netherlands, NL | verified
            RTX 4090  | 1 | 0.45  | 0.18 | 0.980 | Japan, JP       | verified
            RTX 4090  | 1 | 0.50  | 0.20 | 0.992 | Texas, US       | verified
            RTX 4090  | 1 | 0.28  | 0.10 | 0.90  | Bulgaria, BG    | unverified
            RTX 4090  | 1 | 0.30  | 0.15 | 0.985 | Oregon, US      | verified, not rentable
            RTX 4090  | 2 | 0.70  | 0.15 | 0.985 | Quebec, CA      | verified
            RTX 4090  | 4 | 1.45  | 0.15 | 0.975 | Germany, DE     | verified
            RTX 4090  | 8 | 2.95  | 0.15 | 0.965 | Texas, US       | verified
            A100 PCIE | 1 | 1.10  | 0.15 | 0.990 | Virginia, US    | verified
            A100 PCIE | 1 | 1.18  | 0.12 | 0.985 | Finland, FI     | verified
            A100 PCIE | 2 | 2.25  | 0.15 | 0.980 | Virginia, US    | verified
            A100 PCIE | 4 | 4.50  | 0.15 | 0.975 | Oregon, US      | verified
            A100 PCIE | 8 | 8.90  | 0.15 | 0.970 | Germany, DE     | verified
            A100 SXM4 | 1 | 1.40  | 0.15 | 0.990 | Utah, US        | verified
            A100 SXM4 | 8 | 11.50 | 0.15 | 0.985 | Utah, US        | verified
            H100 SXM  | 1 | 2.10  | 0.20 | 0.990 | Texas, US       | verified
            H100 SXM  | 1 | 2.35  | 0.18 | 0.995 | Iceland, IS     | verified
            H100 SXM  | 1 | 2.60  | 0.15 | 0.985 | Norway, NO      | verified
            H100 SXM  | 1 | 1.95  | 0.15 | 0.90  | Taiwan, TW      | unverified
            H100 SXM  | 8 | 18.00 | 0.20 | 0.990 | Texas, US       | verified
            H100 PCIE | 1 | 1.90  | 0.15 | 0.980 | Quebec, CA      | verified
            L40S      | 1 | 0.80  | 0.12 | 0.985 | Oregon, US      | verified
            RTX 3060  | 1 | 0.08  | 0.10 | 0.960 | Brazil, BR      | verified
            RTX 3060  | 1 | 0.07  | 0.10 | 0.90  | India, IN       | unverified
            """;

    private DefaultMarket() {}

    static List<SandboxOffer> offers() {
        List<SandboxOffer> offers = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            offers.add(offer(FIRST_ID + offers.size(), line.split("\\|")));
        }
        return offers;
    }

    private static SandboxOffer offer(long id, String[] cells) {
        String flags = cells[6].strip();
        return new SandboxOffer(
                id,
                cells[0].strip(),
                Integer.parseInt(cells[1].strip()),
                new BigDecimal(cells[2].strip()),
                new BigDecimal(cells[3].strip()),
                new BigDecimal(cells[4].strip()),
                !flags.startsWith("unverified"),
                !flags.contains("not rentable"),
                cells[5].strip());
    }
}
