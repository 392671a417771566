package dev.weft.policy.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.policy.Golden;
import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.manifest.ManifestLoad;
import dev.weft.policy.manifest.ManifestLoader;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every verify command on the shop fixture, against golden files. */
public class VerifyGoldenTest {
  public static Cluster load(String dir) {
    ManifestLoad l = new ManifestLoader().load(List.of(Golden.resource("manifests/" + dir)));
    assertThat(l).as(l.diagnostics().toString()).isInstanceOf(ManifestLoad.Loaded.class);
    return ((ManifestLoad.Loaded) l).cluster();
  }

  @Test
  void loaderWarnings() {
    ManifestLoad l = new ManifestLoader().load(List.of(Golden.resource("manifests/shop")));
    Golden.check("shop-warnings.txt", String.join("\n", l.diagnostics().stream().map(Diagnostic::format).toList()) + "\n");
  }

  @Test
  void listInEveryFormat() {
    ConnectivityReport r = ConnectivityLister.list(load("shop"), Granularity.WORKLOAD);
    for (ReportFormat f : ReportFormat.values()) {
      Golden.check("shop-list." + f.name().toLowerCase(java.util.Locale.ROOT), ReportRenderer.render(r, f));
    }
    Golden.check("shop-list-pods.text", ReportRenderer.render(ConnectivityLister.list(load("shop"), Granularity.POD), ReportFormat.TEXT));
  }

  @Test
  void evalAllowedAndDenied() {
    PolicyEvaluator e = new PolicyEvaluator(load("shop"));
    EvalResult ok = e.eval("shop/frontend", "shop/backend", Protocol.TCP, 9000);
    assertThat(ok.outcome()).isEqualTo(EvalResult.Outcome.ALLOWED);
    assertThat(ok.exitCode()).isZero();
    EvalResult no = e.eval("dev/tester", "shop/frontend", Protocol.TCP, 8080);
    assertThat(no.outcome()).isEqualTo(EvalResult.Outcome.DENIED);
    assertThat(no.exitCode()).isEqualTo(3);
    EvalResult ext = e.eval("shop/backend", "203.0.113.10", Protocol.TCP, 8080);
    assertThat(ext.outcome()).isEqualTo(EvalResult.Outcome.ALLOWED);
    Golden.check("shop-eval.txt", PolicyEvaluator.renderText(ok) + PolicyEvaluator.renderText(no) + PolicyEvaluator.renderText(ext));
    Golden.check("shop-eval.json", PolicyEvaluator.renderJson(no));
  }

  @Test
  void explain() {
    PolicyExplainer x = new PolicyExplainer(load("shop"));
    Golden.check("shop-explain.txt", PolicyExplainer.renderText(x.explain("shop/frontend", "shop/backend"))
        + PolicyExplainer.renderText(x.explain("dev/tester", "shop/db")));
    Golden.check("shop-explain.json", PolicyExplainer.renderJson(x.explain("shop/report", "shop/backend")));
  }

  @Test
  void assertions() {
    AssertionReader.Result r = new AssertionReader().read(Golden.resource("manifests/shop-assertions.yaml"));
    assertThat(r).isInstanceOf(AssertionReader.Result.Read.class);
    AssertionChecker.Report rep = new AssertionChecker(ConnectivityEngine.build(load("shop"))).check(((AssertionReader.Result.Read) r).assertions());
    assertThat(rep.failures()).isEqualTo(1);
    assertThat(rep.exitCode()).isEqualTo(3);
    Golden.check("shop-assert.txt", AssertionChecker.renderText(rep));
    Golden.check("shop-assert.junit.xml", AssertionChecker.renderJunit(rep, "shop-assertions.yaml"));
  }

  @Test
  void diff() {
    ConnectivityDiff d = ConnectivityDiff.between(load("shop"), load("shop-v2"), Granularity.WORKLOAD);
    assertThat(d.isEmpty()).isFalse();
    Golden.check("shop-diff.txt", d.renderText());
    Golden.check("shop-diff.json", d.renderJson());
  }
}
