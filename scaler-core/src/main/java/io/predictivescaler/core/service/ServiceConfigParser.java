package io.predictivescaler.core.service;

import io.predictivescaler.collector.prometheus.UrlRedaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@link ServiceConfig} from flags, then environment variables, then defaults, and validates
 * it all at once: every problem names the flag or variable it came from and the bad value.
 */
public final class ServiceConfigParser {

  static final String PROMETHEUS_URL = "PREDICTIVE_SCALER_PROMETHEUS_URL";
  static final String BEARER_TOKEN_FILE = "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE";
  static final String USERNAME = "PREDICTIVE_SCALER_PROMETHEUS_USERNAME";
  static final String PASSWORD_FILE = "PREDICTIVE_SCALER_PROMETHEUS_PASSWORD_FILE";
  static final String CA_FILE = "PREDICTIVE_SCALER_PROMETHEUS_CA_FILE";
  static final String TRUSTED_NAMESPACES = "PREDICTIVE_SCALER_PROMETHEUS_TRUSTED_NAMESPACES";
  static final String NAMESPACES = "PREDICTIVE_SCALER_NAMESPACES";
  static final String HTTP_PORT = "PREDICTIVE_SCALER_HTTP_PORT";
  static final String OPS_AUTH = "PREDICTIVE_SCALER_OPS_AUTH";
  static final String OPS_BIND_ADDRESS = "PREDICTIVE_SCALER_OPS_BIND_ADDRESS";
  static final String LOG_FORMAT = "PREDICTIVE_SCALER_LOG_FORMAT";
  static final String LOG_LEVEL = "PREDICTIVE_SCALER_LOG_LEVEL";
  static final String KUBE_CONTEXT = "PREDICTIVE_SCALER_KUBE_CONTEXT";
  static final String LEASE_NAME = "PREDICTIVE_SCALER_LEASE_NAME";
  static final String LEASE_NAMESPACE = "PREDICTIVE_SCALER_LEASE_NAMESPACE";
  static final String TICK_WORKERS = "PREDICTIVE_SCALER_TICK_WORKERS";
  static final String TICK_BUDGET = "PREDICTIVE_SCALER_TICK_BUDGET";
  static final String WEBHOOK_PORT = "PREDICTIVE_SCALER_WEBHOOK_PORT";
  static final String WEBHOOK_CERT_DIR = "PREDICTIVE_SCALER_WEBHOOK_CERT_DIR";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ServiceConfigParser(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Parses and validates.
   *
   * @param args the command line (flags win over the environment)
   * @param env the environment, normally {@code System.getenv()}
   * @throws ServiceConfigException listing every problem
   */
  public static ServiceConfig parse(String[] args, Map<String, String> env) {
    ServiceOptions options = new ServiceOptions();
    try {
      new CommandLine(options).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ServiceConfigException(List.of("command line: " + e.getMessage()));
    }
    return new ServiceConfigParser(env).build(options);
  }

  /** True when the command line asks for {@code --help}. */
  public static boolean helpRequested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  /** True when the command line asks for {@code --version}. */
  public static boolean versionRequested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--version") || a.equals("-V"));
  }

  /** The usage text, listing every flag with its environment variable. */
  public static String usage() {
    return new CommandLine(new ServiceOptions()).getUsageMessage();
  }

  private ServiceConfig build(ServiceOptions o) {
    Value url = value(o.prometheusUrl, "--prometheus-url", PROMETHEUS_URL);
    Value token =
        value(o.prometheusBearerTokenFile, "--prometheus-bearer-token-file", BEARER_TOKEN_FILE);
    Value user = value(o.prometheusUsername, "--prometheus-username", USERNAME);
    Value password = value(o.prometheusPasswordFile, "--prometheus-password-file", PASSWORD_FILE);
    Value ca = value(o.prometheusCaFile, "--prometheus-ca-file", CA_FILE);
    Value trusted =
        value(o.prometheusTrustedNamespaces, "--prometheus-trusted-namespaces", TRUSTED_NAMESPACES);
    Value namespaces = value(o.namespaces, "--namespaces", NAMESPACES);
    Value port = value(o.httpPort, "--http-port", HTTP_PORT);
    Value opsAuth = value(o.opsAuth, "--ops-auth", OPS_AUTH);
    Value opsBindAddress = value(o.opsBindAddress, "--ops-bind-address", OPS_BIND_ADDRESS);
    Value format = value(o.logFormat, "--log-format", LOG_FORMAT);
    Value level = value(o.logLevel, "--log-level", LOG_LEVEL);
    Value kubeContext = value(o.kubeContext, "--kube-context", KUBE_CONTEXT);
    Value leaseName = value(o.leaseName, "--lease-name", LEASE_NAME);
    Value leaseNamespace = value(o.leaseNamespace, "--lease-namespace", LEASE_NAMESPACE);
    Value tickWorkers = value(o.tickWorkers, "--tick-workers", TICK_WORKERS);
    Value tickBudget = value(o.tickBudget, "--tick-budget", TICK_BUDGET);
    Value webhookPort = value(o.webhookPort, "--webhook-port", WEBHOOK_PORT);
    Value webhookCertDir = value(o.webhookCertDir, "--webhook-cert-dir", WEBHOOK_CERT_DIR);

    URI prometheusUrl = url.isSet() ? prometheusUrl(url) : null;
    Path tokenFile = readableFile(token);
    Path passwordFile = readableFile(password);
    Path caFile = readableFile(ca);
    if (token.isSet() && (user.isSet() || password.isSet())) {
      problems.add(
          token.source()
              + " and "
              + user.source()
              + "/"
              + password.source()
              + ": choose bearer token or basic auth for Prometheus, not both");
    }
    if (user.isSet() != password.isSet()) {
      problems.add(
          user.source()
              + " and "
              + password.source()
              + ": basic auth needs both the user and the password file, got only "
              + (user.isSet() ? user.source() : password.source()));
    }
    if (!url.isSet() && (token.isSet() || user.isSet() || ca.isSet())) {
      problems.add(url.source() + ": Prometheus credentials are set but the URL is not");
    }
    int httpPort =
        port.isSet()
            ? wholeNumber(port, "a port number", 1, 65535, ServiceConfig.DEFAULT_HTTP_PORT)
            : ServiceConfig.DEFAULT_HTTP_PORT;
    ServiceConfig config =
        new ServiceConfig(
            prometheusUrl,
            tokenFile,
            user.isSet() ? user.text() : null,
            passwordFile,
            caFile,
            Set.copyOf(namespaces(trusted)),
            namespaces(namespaces),
            httpPort,
            opsAuth.isSet() ? opsAuth(opsAuth) : OpsAuthMode.KUBERNETES,
            opsBindAddress.isSet()
                ? ipAddress(opsBindAddress)
                : ServiceConfig.DEFAULT_OPS_BIND_ADDRESS,
            format.isSet() ? logFormat(format) : LogFormat.defaultFor(env),
            level.isSet() ? logLevel(level) : LogLevel.INFO,
            kubeContext(kubeContext),
            leaseName.isSet()
                ? dnsName(leaseName, DNS_SUBDOMAIN, 253)
                : ServiceConfig.DEFAULT_LEASE_NAME,
            leaseNamespace(leaseNamespace),
            identity(o.identity),
            new TickSettings(
                tickWorkers.isSet()
                    ? wholeNumber(
                        tickWorkers,
                        "a whole number of threads",
                        1,
                        TickSettings.MAX_WORKERS,
                        TickSettings.DEFAULT_WORKERS)
                    : TickSettings.DEFAULT_WORKERS,
                tickBudget.isSet() ? tickBudget(tickBudget) : TickSettings.DEFAULT_BUDGET),
            webhook(webhookPort, webhookCertDir, httpPort));
    if (!problems.isEmpty()) {
      throw new ServiceConfigException(problems);
    }
    return config;
  }

  /** A setting's raw text and where it came from. */
  private record Value(String text, String source) {
    boolean isSet() {
      return text != null && !text.isBlank();
    }
  }

  private Value value(String flagValue, String flag, String variable) {
    if (flagValue != null) {
      return new Value(flagValue.trim(), flag);
    }
    String fromEnv = env.get(variable);
    return new Value(fromEnv == null ? null : fromEnv.trim(), variable);
  }

  /** The webhook's listener when a certificate directory is set, else null. */
  private WebhookSettings webhook(Value port, Value certDir, int httpPort) {
    if (!certDir.isSet()) {
      if (port.isSet()) {
        problems.add(
            port.source()
                + ": set to '"
                + port.text()
                + "' but --webhook-cert-dir ("
                + WEBHOOK_CERT_DIR
                + ") is not; the webhook needs a directory with "
                + WebhookSettings.CERT_FILE
                + " and "
                + WebhookSettings.KEY_FILE);
      }
      return null;
    }
    int webhookPort =
        port.isSet()
            ? wholeNumber(port, "a port number", 1, 65535, WebhookSettings.DEFAULT_PORT)
            : WebhookSettings.DEFAULT_PORT;
    if (webhookPort == httpPort) {
      problems.add(
          port.source()
              + ": must differ from the ops HTTP port (--http-port), both are "
              + httpPort);
    }
    Path dir;
    try {
      dir = Path.of(certDir.text());
    } catch (InvalidPathException e) {
      problems.add(certDir.source() + ": not a valid path, got '" + certDir.text() + "'");
      return null;
    }
    for (String file : new String[] {WebhookSettings.CERT_FILE, WebhookSettings.KEY_FILE}) {
      Path path = dir.resolve(file);
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        problems.add(
            certDir.source()
                + ": "
                + file
                + " does not exist or is not readable in '"
                + certDir.text()
                + "'");
      }
    }
    return new WebhookSettings(webhookPort, dir);
  }

  private URI prometheusUrl(Value v) {
    try {
      URI uri = new URI(v.text());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        v.source()
            + ": must be an http(s) URL like http://prometheus:9090, got '"
            + UrlRedaction.redact(v.text())
            + "'");
    return null;
  }

  private Path readableFile(Value v) {
    if (!v.isSet()) {
      return null;
    }
    try {
      Path path = Path.of(v.text());
      if (Files.isRegularFile(path) && Files.isReadable(path)) {
        return path;
      }
      problems.add(v.source() + ": file does not exist or is not readable, got '" + v.text() + "'");
    } catch (InvalidPathException e) {
      problems.add(v.source() + ": not a valid path, got '" + v.text() + "'");
    }
    return null;
  }

  private List<String> namespaces(Value v) {
    if (!v.isSet()) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String part : v.text().split(",")) {
      String ns = part.trim();
      if (ns.isEmpty()) {
        continue;
      }
      if (!DNS_LABEL.matcher(ns).matches()) {
        problems.add(
            v.source()
                + ": '"
                + ns
                + "' is not a valid namespace name (RFC 1123 label), got '"
                + v.text()
                + "'");
      } else if (!result.contains(ns)) {
        result.add(ns);
      }
    }
    return result;
  }

  /** A whole number in {@code [min, max]}; otherwise reported, and {@code fallback} returned. */
  private int wholeNumber(Value v, String what, int min, int max, int fallback) {
    try {
      int n = Integer.parseInt(v.text());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        v.source() + ": must be " + what + " " + min + ".." + max + ", got '" + v.text() + "'");
    return fallback;
  }

  private OpsAuthMode opsAuth(Value v) {
    OpsAuthMode mode = OpsAuthMode.parse(v.text());
    if (mode == null) {
      problems.add(v.source() + ": must be kubernetes or none, got '" + v.text() + "'");
      return OpsAuthMode.KUBERNETES;
    }
    return mode;
  }

  /** An IPv4 or IPv6 literal; never a host name, which would need a DNS lookup. */
  private String ipAddress(Value v) {
    String text = v.text();
    if (IPV4.matcher(text).matches()) {
      return text;
    }
    if (IPV6_CHARS.matcher(text).matches()) {
      try {
        // brackets make it an IPv6 literal: parsed, never looked up
        InetAddress.getByName("[" + text + "]");
        return text;
      } catch (UnknownHostException e) {
        // reported below
      }
    }
    return invalidAddress(v);
  }

  private String invalidAddress(Value v) {
    problems.add(
        v.source()
            + ": must be an IP address such as 0.0.0.0, 127.0.0.1 or ::, got '"
            + v.text()
            + "'");
    return ServiceConfig.DEFAULT_OPS_BIND_ADDRESS;
  }

  private double tickBudget(Value v) {
    try {
      double budget = Double.parseDouble(v.text());
      if (budget > 0 && budget < 1) {
        return budget;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        v.source()
            + ": must be a fraction of the step above 0 and below 1, like 0.5, got '"
            + v.text()
            + "'");
    return TickSettings.DEFAULT_BUDGET;
  }

  private LogFormat logFormat(Value v) {
    LogFormat format = LogFormat.parse(v.text());
    if (format == null) {
      problems.add(v.source() + ": must be json or text, got '" + v.text() + "'");
      return LogFormat.TEXT;
    }
    return format;
  }

  private LogLevel logLevel(Value v) {
    LogLevel level = LogLevel.parse(v.text());
    if (level == null) {
      problems.add(
          v.source() + ": must be error, warn, info, debug or trace, got '" + v.text() + "'");
      return LogLevel.INFO;
    }
    return level;
  }

  /** Checked here so that a context missing from the kubeconfig fails with the other problems. */
  private String kubeContext(Value v) {
    if (!v.isSet()) {
      return null;
    }
    try {
      KubeClientConfig.load(v.text());
    } catch (RuntimeException e) {
      problems.add(v.source() + ": " + e.getMessage());
    }
    return v.text();
  }

  private String dnsName(Value v, Pattern pattern, int maxLength) {
    if (v.text().length() > maxLength || !pattern.matcher(v.text()).matches()) {
      problems.add(
          v.source()
              + ": must be a lower-case RFC 1123 name of at most "
              + maxLength
              + " characters, got '"
              + v.text()
              + "'");
    }
    return v.text();
  }

  private String leaseNamespace(Value v) {
    if (v.isSet()) {
      return dnsName(v, DNS_LABEL, 63);
    }
    String podNamespace = env.get("POD_NAMESPACE");
    return podNamespace == null || podNamespace.isBlank() ? "default" : podNamespace.trim();
  }

  private String identity(String flag) {
    for (String candidate : new String[] {flag, env.get("POD_NAME"), env.get("HOSTNAME")}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.trim();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      problems.add(
          "POD_NAME: not set and the host name is unknown ("
              + e.getMessage()
              + "); set POD_NAME or --identity");
      return "unknown";
    }
  }
}
