package dev.weft.cli.verify;

import dev.weft.cli.InvalidInputException;
import dev.weft.cli.OutputFormat;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.verify.EvalResult;
import dev.weft.policy.verify.PolicyEvaluator;
import dev.weft.policy.verify.UnknownEndpointException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify eval}: is one connection allowed, and which rules decide. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Say whether a connection is allowed and which rules decide.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:allowed", "2:invalid input", "3:denied (or allowed for only some pods, or undetermined)"})
final class VerifyEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ManifestInputs inputs;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Manifest files or directories.")
  List<Path> paths;

  @Option(names = "--src", required = true, paramLabel = "NS/NAME", description = "Source workload or pod.")
  String source;

  @Option(names = "--dst", required = true, paramLabel = "NS/NAME|IP", description = "Destination workload, pod or IP.")
  String destination;

  @Option(names = "--proto", defaultValue = "tcp", description = "tcp, udp or sctp (default tcp)")
  String protocol;

  @Option(names = "--port", required = true, description = "Destination port.")
  int port;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    Protocol proto = Protocol.parse(protocol).orElseThrow(() ->
        new InvalidInputException("--proto: unknown protocol '" + protocol + "' (expected tcp, udp or sctp)"));
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("--port: " + port + " is not a port (expected 1 to 65535)");
    }
    Cluster cluster = inputs.load(paths, spec.commandLine().getErr());
    EvalResult result;
    try {
      result = new PolicyEvaluator(cluster).eval(source, destination, proto, port);
    } catch (UnknownEndpointException e) {
      throw new InvalidInputException(e.getMessage());
    }
    spec.commandLine().getOut().print(format == OutputFormat.JSON
        ? PolicyEvaluator.renderJson(result) : PolicyEvaluator.renderText(result));
    spec.commandLine().getOut().flush();
    return result.exitCode();
  }
}
