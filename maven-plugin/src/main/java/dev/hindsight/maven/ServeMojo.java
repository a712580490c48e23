package dev.hindsight.maven;

import dev.hindsight.build.BuildResult;
import dev.hindsight.serve.PreviewListener;
import dev.hindsight.serve.PreviewServer;
import dev.hindsight.serve.ServeSettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * The live preview: {@code mvn hindsight:serve} builds the site, serves it on 127.0.0.1 and rebuilds it when a
 * report or template changes; open pages reload by themselves. Takes the generate goal's parameters. Stop it
 * with Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends GenerateMojo {
    /** The port on 127.0.0.1 (0 picks a free one). */
    @Parameter(property = "hindsight.port", defaultValue = "8000")
    int port;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Hindsight serve skipped");
            return;
        }
        if (!sourceDirectory.isDirectory()) {
            throw new MojoExecutionException("no reports to serve: " + sourceDirectory + " is not a directory "
                    + "(set hindsight.sourceDirectory)");
        }
        PreviewServer server;
        try {
            server = PreviewServer.start(new ServeSettings(buildRequest(), port), new PreviewListener() {
                @Override
                public void built(int number, BuildResult result, long millis) {
                    log(result.diagnostics());
                    getLog().info("Hindsight build " + number + ": " + result.load().incidents().size()
                            + " incidents in " + millis + " ms");
                }

                @Override
                public void failed(RuntimeException problem) {
                    getLog().error("Hindsight build failed (please report it): " + problem);
                }
            });
        } catch (BindException e) {
            throw new MojoExecutionException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another -Dhindsight.port");
        } catch (IOException e) {
            throw new MojoExecutionException("the preview server did not start: " + e.getMessage(), e);
        }
        getLog().info("Serving " + sourceDirectory + " at " + server.address() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                getLog().warn("while stopping the preview: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "hindsight-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
