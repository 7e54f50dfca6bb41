package com.analyticscopilot.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles of a data file's KPIs: read from the sidecar file {@code <basename>.roles.csv} next
 * to the data ({@code kpis.csv} has {@code kpis.roles.csv}), or inferred from the KPI names.
 *
 * <p>The sidecar has the header {@code kpi,role,volume}: {@code role} is one of {@code count},
 * {@code ratio}, {@code money}, {@code value}; {@code volume} is, for a ratio only, the count
 * KPI it is a share of (may be empty). A KPI the sidecar leaves out gets an inferred role and a
 * warning.
 *
 * <p>Inference from a name, split into lower-case words at any character that is not a letter
 * or digit ({@code conversion_rate} has the words {@code conversion} and {@code rate}):
 * <ol>
 *   <li>a word {@code rate}, {@code ratio}, {@code ctr}, {@code share} or {@code cr}, or a name
 *       ending in {@code rate}: <b>ratio</b>, its volume the first count KPI of the file (if
 *       any);</li>
 *   <li>a word {@code revenue}, {@code sales}, {@code gmv}, {@code amount}, {@code aov},
 *       {@code spend}, {@code cost}, {@code income}, {@code price}, or the word {@code value}
 *       together with another word ({@code order_value}): <b>money</b>. A column named just
 *       {@code value} stays a plain value: benchmark files such as NAB's use that name for
 *       any measurement;</li>
 *   <li>a word {@code sessions}, {@code visits}, {@code visitors}, {@code users},
 *       {@code orders}, {@code clicks}, {@code views}, {@code pageviews}, {@code impressions},
 *       {@code signups}, {@code transactions}, {@code purchases}, {@code installs},
 *       {@code count} (singular forms too): <b>count</b>;</li>
 *   <li>anything else: <b>value</b>, with no constraint checked.</li>
 * </ol>
 * The role matters for validation: counts and money must not be negative, ratios must lie in
 * [0, 1] (a conversion rate of 2.5 is a percentage and is refused, not silently divided).
 */
public final class KpiRoles {

    /** The sidecar's suffix, replacing the data file's {@code .csv}. */
    public static final String SUFFIX = ".roles.csv";

    private static final Set<String> RATIO_WORDS = Set.of("rate", "ratio", "ctr", "share", "cr");
    private static final Set<String> MONEY_WORDS = Set.of("revenue", "sales", "gmv", "amount",
            "aov", "spend", "cost", "income", "price");
    private static final Set<String> COUNT_WORDS = Set.of("session", "visit", "visitor", "user",
            "order", "click", "view", "pageview", "impression", "signup", "transaction",
            "purchase", "install", "count");

    private KpiRoles() {
    }

    /** The sidecar path for a data file: {@code dir/kpis.csv} gives {@code dir/kpis.roles.csv}. */
    public static Path sidecarOf(Path dataFile) {
        String name = dataFile.getFileName().toString();
        return dataFile.resolveSibling(baseName(name) + SUFFIX);
    }

    /** A file name without its {@code .csv} (or other) extension. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The role a KPI name suggests, by the rule in the class comment. */
    public static KpiRole infer(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        boolean ratio = name.toLowerCase(Locale.ROOT).endsWith("rate");
        boolean money = false;
        boolean count = false;
        for (String word : words) {
            ratio |= RATIO_WORDS.contains(word);
            money |= MONEY_WORDS.contains(word) || (word.equals("value") && words.length > 1);
            String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            count |= COUNT_WORDS.contains(word) || COUNT_WORDS.contains(singular);
        }
        if (ratio) {
            return KpiRole.RATIO;
        }
        if (money) {
            return KpiRole.MONEY;
        }
        return count ? KpiRole.COUNT : KpiRole.VALUE;
    }

    /** KPIs with inferred roles, each ratio's volume the first count KPI. */
    public static List<Kpi> inferAll(List<String> names) {
        String firstCount = names.stream().filter(n -> infer(n) == KpiRole.COUNT).findFirst()
                .orElse(null);
        List<Kpi> kpis = new ArrayList<>();
        for (String name : names) {
            KpiRole role = infer(name);
            kpis.add(new Kpi(name, role, role == KpiRole.RATIO ? firstCount : null));
        }
        return kpis;
    }

    /**
     * The KPIs of a data file's columns: from the sidecar when it exists, otherwise inferred.
     *
     * @param dataFile the data file (its sidecar is looked up next to it)
     * @param names    the KPI columns, in file order
     * @param warnings receives a line for each KPI whose role was inferred
     * @throws InvalidInputException naming the sidecar's file and line for each problem in it
     */
    static List<Kpi> resolve(Path dataFile, List<String> names, List<String> warnings) {
        Path sidecar = sidecarOf(dataFile);
        if (!Files.exists(sidecar)) {
            List<Kpi> kpis = inferAll(names);
            StringBuilder s = new StringBuilder("no roles file " + sidecar.getFileName()
                    + "; roles inferred from KPI names:");
            for (Kpi kpi : kpis) {
                s.append(' ').append(kpi.name()).append('=').append(kpi.role().label());
            }
            warnings.add(s.toString());
            return kpis;
        }
        return readSidecar(sidecar, names, warnings);
    }

    private static List<Kpi> readSidecar(Path sidecar, List<String> names, List<String> warnings) {
        List<CsvText.Line> lines = CsvText.readLines(sidecar);
        ProblemList problems = new ProblemList(sidecar.toString());
        List<String> header = lines.get(0).cells().stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int kpiCol = header.indexOf("kpi");
        int roleCol = header.indexOf("role");
        int volumeCol = header.indexOf("volume");
        if (kpiCol < 0 || roleCol < 0) {
            problems.add(1, null, "the header must be 'kpi,role,volume' (volume optional), found '"
                    + String.join(",", lines.get(0).cells()) + "'");
            problems.throwIfAny();
        }

        Map<String, KpiRole> roles = new HashMap<>();
        Map<String, String> volumes = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            List<String> cells = line.cells();
            String kpi = cell(cells, kpiCol);
            String roleText = cell(cells, roleCol);
            String volume = cell(cells, volumeCol);
            if (kpi.isEmpty()) {
                problems.add(line.number(), "kpi", "empty KPI name");
                continue;
            }
            if (!names.contains(kpi)) {
                problems.add(line.number(), "kpi", "KPI '" + kpi
                        + "' is not a column of the data file (its KPIs: " + names + ")");
                continue;
            }
            if (lineOf.containsKey(kpi)) {
                problems.add(line.number(), "kpi", "KPI '" + kpi + "' already given on line "
                        + lineOf.get(kpi));
                continue;
            }
            lineOf.put(kpi, line.number());
            KpiRole role = KpiRole.parse(roleText);
            if (role == null) {
                problems.add(line.number(), "role", "unknown role '" + roleText
                        + "'; use count, ratio, money or value");
                continue;
            }
            roles.put(kpi, role);
            if (!volume.isEmpty()) {
                volumes.put(kpi, volume);
            }
        }

        for (Map.Entry<String, String> e : volumes.entrySet()) {
            long line = lineOf.get(e.getKey());
            if (roles.get(e.getKey()) != KpiRole.RATIO) {
                problems.add(line, "volume", "only a ratio KPI names a volume; '" + e.getKey()
                        + "' is a " + roles.get(e.getKey()).label());
            } else if (!names.contains(e.getValue())) {
                problems.add(line, "volume", "volume KPI '" + e.getValue()
                        + "' is not a column of the data file");
            } else if (roleOf(e.getValue(), roles) != KpiRole.COUNT) {
                problems.add(line, "volume", "volume KPI '" + e.getValue()
                        + "' must be a count, it is a " + roleOf(e.getValue(), roles).label());
            }
        }
        problems.throwIfAny();

        List<Kpi> kpis = new ArrayList<>();
        for (String name : names) {
            KpiRole role = roles.get(name);
            if (role == null) {
                role = infer(name);
                warnings.add(sidecar.getFileName() + " does not list KPI '" + name
                        + "'; role inferred from its name: " + role.label());
            }
            kpis.add(new Kpi(name, role, role == KpiRole.RATIO ? volumes.get(name) : null));
        }
        return kpis;
    }

    private static KpiRole roleOf(String name, Map<String, KpiRole> declared) {
        KpiRole role = declared.get(name);
        return role != null ? role : infer(name);
    }

    private static String cell(List<String> cells, int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    /** Writes a roles sidecar for {@code kpis}. */
    public static void write(List<Kpi> kpis, Path file) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            rows.put(kpi.name(), kpi.role().label() + ","
                    + (kpi.volumeKpi() == null ? "" : CsvText.quote(kpi.volumeKpi())));
        }
        StringBuilder s = new StringBuilder("kpi,role,volume\n");
        rows.forEach((name, rest) -> s.append(CsvText.quote(name)).append(',').append(rest)
                .append('\n'));
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
