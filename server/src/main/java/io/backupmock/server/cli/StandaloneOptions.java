package io.backupmock.server.cli;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The flags of {@code java -jar backup-mock.jar}, each also settable by its environment variable
 * ({@code BACKUP_MOCK_…}); null where neither says anything, so the configuration file or the
 * default applies.
 */
record StandaloneOptions(Path config, String host, Integer port, boolean noHttps, Integer httpPort, Path certOut,
                         Integer retryAfter, Integer pageSize, Boolean noAuth, Boolean strict,
                         Boolean validateResponses, String adminToken, Long faultSeed, Path stateDir, boolean verbose,
                         boolean help, boolean version) {

    static final Options OPTIONS = new Options();

    static {
        add(CommandLines.valued("config", "FILE",
                "JSON or YAML configuration: settings, clock, scenario, vaults, rules, faults."));
        add(CommandLines.valued("host", "ADDRESS", "Address to listen on (default 127.0.0.1)."));
        add(CommandLines.valued("port", "PORT", "HTTPS port; 0 picks a free one (default 8443)."));
        add(CommandLines.toggle("no-https", "Serve no HTTPS, only the plain HTTP of --http-port."));
        add(CommandLines.valued("http-port", "PORT", "Also serve plain HTTP on this port; 0 picks a free one (default off)."));
        add(CommandLines.valued("cert-out", "FILE", "Write the self-signed certificate as PEM to FILE, for clients to trust."));
        add(CommandLines.valued("retry-after", "SECONDS", "Retry-After of every 202 (default 1)."));
        add(CommandLines.valued("page-size", "N", "Most jobs or items in one list page (default 200)."));
        add(CommandLines.toggle("no-auth", "Accept requests without an Authorization header."));
        add(CommandLines.toggle("strict", "Only vaults and items declared in the configuration or admin API exist."));
        add(CommandLines.toggle("validate-responses", "Check every response body against its JSON Schema before it "
                + "leaves; a violation answers 500 and is logged."));
        add(CommandLines.valued("admin-token", "TOKEN", "Bearer token the admin API (/backupmock/admin) requires (default none)."));
        add(CommandLines.valued("fault-seed", "N", "Seed of the random choices of faults, to replay a run (default random)."));
        add(CommandLines.valued("state-dir", "DIR", "Keep the state in DIR: every change acknowledged is on disk "
                + "first, and a start on DIR, after a stop or a crash, restores it (default: kept in memory only)."));
        add(CommandLines.toggle("verbose", "Log one line per request."));
        OPTIONS.addOption(Option.builder("h").longOpt("help").desc("Show this help and exit.").get());
        OPTIONS.addOption(Option.builder("V").longOpt("version").desc("Print the version and exit.").get());
    }

    /** Every flag but help and version names its environment variable in the help. */
    private static void add(Option option) {
        option.setDescription(option.getDescription() + " [" + CommandLines.environmentVariable(option.getLongOpt()) + "]");
        OPTIONS.addOption(option);
    }

    static StandaloneOptions parse(String[] args, Map<String, String> env) {
        CommandLines cli = CommandLines.parse(OPTIONS, args, env);
        String config = cli.string("config");
        String certOut = cli.string("cert-out");
        String stateDir = cli.string("state-dir");
        return new StandaloneOptions(config == null ? null : Path.of(config), cli.string("host"), cli.port("port"),
                Boolean.TRUE.equals(cli.bool("no-https")), cli.port("http-port"),
                certOut == null ? null : Path.of(certOut), cli.integer("retry-after", 0), cli.integer("page-size", 1),
                cli.bool("no-auth"), cli.bool("strict"), cli.bool("validate-responses"), cli.string("admin-token"),
                cli.longValue("fault-seed"), stateDir == null ? null : Path.of(stateDir), Boolean.TRUE.equals(cli.bool("verbose")), cli.has("help"),
                cli.has("version"));
    }
}
