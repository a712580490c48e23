package dev.hindsight.maven;

import dev.hindsight.check.CheckResult;
import dev.hindsight.check.KnowledgeBaseCheck;
import dev.hindsight.check.PolicySettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Loads every post-mortem report and fails the build when one has errors, printing each finding as
 * {@code path:line:col: message [code]} so IDEs can jump to it. Bound to {@code verify} by default.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractHindsightMojo {
    /**
     * Policy levels, each {@code name=level} with level off, warning or error, e.g.
     * {@code overdue-urgent=error}; comma-separated on the command line. Every policy defaults to warning.
     */
    @Parameter(property = "hindsight.policies")
    List<String> policies;

    /**
     * Treat every overdue action item as an error (both the overdue and overdue-urgent policies), unless
     * {@code policies} sets those levels itself.
     */
    @Parameter(property = "hindsight.check.failOnOverdue", defaultValue = "false")
    boolean failOnOverdue;

    /** Fail the build when a report has errors (or a policy set to error flags something). */
    @Parameter(property = "hindsight.check.failOnError", defaultValue = "true")
    boolean failOnError;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Hindsight check skipped");
            return;
        }
        if (!sourceDirectory.isDirectory()) {
            getLog().info("No post-mortem reports: " + sourceDirectory + " does not exist");
            return;
        }
        PolicySettings policySettings;
        try {
            List<String> settings = new ArrayList<>();
            if (failOnOverdue) {
                settings.add("overdue=error");
                settings.add("overdue-urgent=error");
            }
            settings.addAll(policies == null ? List.of() : policies); // explicit levels win
            policySettings = PolicySettings.parse(settings);
        } catch (PolicySettings.InvalidSetting e) {
            throw new MojoExecutionException("hindsight.policies: " + e.getMessage());
        }
        CheckResult result = new KnowledgeBaseCheck(loadSettings(), policySettings)
                .run(sourceDirectory.toPath(), asOfDate());
        log(result.diagnostics());
        getLog().info("Hindsight: " + result.summary());
        if (result.failed() && failOnError) {
            throw new MojoFailureException("Hindsight found " + result.errorCount()
                    + " error(s) in the post-mortem reports; see the lines above");
        }
        if (result.failed()) {
            getLog().warn("Hindsight found " + result.errorCount() + " error(s) in the post-mortem reports; the build "
                    + "goes on because hindsight.check.failOnError is false");
        }
    }
}
