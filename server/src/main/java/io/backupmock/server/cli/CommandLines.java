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
    private final CommandLine line;
    private final Map<String, String> env;

    private CommandLines(CommandLine line, Map<String, String> env) {
        this.line = line;
        this.env = env;
    }

    static CommandLines parse(Options options, String[] args, Map<String, String> env) {
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> rest = line.getArgList();
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "'");
        }
        return new CommandLines(line, env);
    }

    /** A flag that takes a value; {@code arg} names the value in the help. */
    static Option valued(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
    }

    /** A switch: on when given bare, or set with {@code --name=true|false}. */
    static Option toggle(String name, String description) {
        return Option.builder().longOpt(name).optionalArg(true).hasArg().argName("true|false").desc(description).get();
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
        if (line.hasOption(flag) && line.getOptionValue(flag) == null) {
            return true;
        }
        String value = string(flag);
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
