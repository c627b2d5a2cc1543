package io.backupmock.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * Parsing shared by the emulator's commands: each flag may also come from its environment variable
 * ({@code --page-size} from {@code BACKUP_MOCK_PAGE_SIZE}), and the flag wins. Values are converted
 * here so that a wrong one is a {@link UsageException} naming the flag, never a stack trace.
 */
final class CommandLines {
    private static final int HELP_WIDTH = 100;
    /** Long names of the switches: given bare they are on, {@code --name=false} (or {@code --name false}) turns them off. */
    private static final java.util.Set<String> TOGGLES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CommandLine line;
    private final Map<String, String> env;
    private final Map<String, String> toggleValues;

    private CommandLines(CommandLine line, Map<String, String> env, Map<String, String> toggleValues) {
        this.line = line;
        this.env = env;
        this.toggleValues = toggleValues;
    }

    static CommandLines parse(Options options, String[] args, Map<String, String> env) {
        Map<String, String> toggleValues = new java.util.HashMap<>();
        List<String> plain = new java.util.ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") ? arg.substring(2, eq < 0 ? arg.length() : eq) : null;
            if (name == null || !TOGGLES.contains(name) || !options.hasLongOption(name)) {
                plain.add(arg);
                continue;
            }
            if (eq >= 0) {
                toggleValues.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.length && (args[i + 1].equalsIgnoreCase("true")
                    || args[i + 1].equalsIgnoreCase("false"))) {
                toggleValues.put(name, args[++i]);
            }
            plain.add("--" + name);
        }
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options,
                    plain.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> rest = line.getArgList();
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "'");
        }
        return new CommandLines(line, env, toggleValues);
    }

    /** A flag that takes a value; {@code arg} names the value in the help. */
    static Option valued(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
    }

    /** A switch: on when given bare, or set with {@code --name=true|false}; the help shows it bare. */
    static Option toggle(String name, String description) {
        TOGGLES.add(name);
        return Option.builder().longOpt(name).desc(description).get();
    }

    static String environmentVariable(String flag) {
        return "BACKUP_MOCK_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    boolean has(String flag) {
        return line.hasOption(flag);
    }

    /** The flag's value, else its environment variable's, else null. */
    String string(String flag) {
        if (line.hasOption(flag)) {
            return line.getOptionValue(flag);
        }
        String value = env.get(environmentVariable(flag));
        return value == null || value.isEmpty() ? null : value;
    }

    Integer integer(String flag) {
        return number(flag, Integer::valueOf);
    }

    /** A whole number of at least {@code min}, or null; a smaller one is refused naming the flag. */
    Integer integer(String flag, int min) {
        Integer value = integer(flag);
        if (value != null && value < min) {
            throw invalid(flag, String.valueOf(value), "must be at least " + min);
        }
        return value;
    }

    Integer port(String flag) {
        Integer port = integer(flag);
        if (port != null && (port < 0 || port > 65535)) {
            throw invalid(flag, String.valueOf(port), "is not a port (0 to 65535)");
        }
        return port;
    }

    Long longValue(String flag) {
        return number(flag, Long::valueOf);
    }

    private <T extends Number> T number(String flag, Function<String, T> parse) {
        String value = string(flag);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(flag, value, "is not a whole number");
        }
    }

    /** A switch: true when given bare; null when neither the flag nor its variable is set. */
    Boolean bool(String flag) {
        String value;
        if (toggleValues.containsKey(flag)) {
            value = toggleValues.get(flag);
        } else if (line.hasOption(flag)) {
            return true;
        } else {
            value = string(flag);
        }
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw invalid(flag, value, "is neither true nor false");
    }

    private UsageException invalid(String flag, String value, String why) {
        String source = line.hasOption(flag) ? "--" + flag : environmentVariable(flag) + " (--" + flag + ")";
        return new UsageException("invalid value for " + source + ": '" + value + "' " + why);
    }

    /** Prints the usage of {@code command}: its synopsis, description and flags. */
    static void printHelp(PrintWriter out, String synopsis, String description, Options options) {
        try {
            TextHelpAppendable text = new TextHelpAppendable(out);
            text.setMaxWidth(HELP_WIDTH);
            HelpFormatter.builder().setShowSince(false).setHelpAppendable(text).get()
                    .printHelp(synopsis, description, options, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
