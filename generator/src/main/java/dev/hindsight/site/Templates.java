package dev.hindsight.site;

import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jte engine for a build: the precompiled default theme, or, with a template directory, the
 * default theme's sources with the directory's files overriding them by name, compiled at run time.
 */
final class Templates implements AutoCloseable {
    static final String PRECOMPILED_PACKAGE = "dev.hindsight.site.precompiled";
    private static final String BUILT_IN_SOURCES = "dev/hindsight/site/templates";
    /** Every page template; each is compiled up front so a broken custom template fails before writing. */
    static final List<String> PAGES = List.of("home.jte", "incidents.jte", "incident.jte", "taxonomyIndex.jte",
            "taxonomy.jte", "lessons.jte", "notFound.jte", "actions.jte", "actionsOverdue.jte", "actionOwners.jte",
            "actionOwner.jte", "search.jte", "metrics.jte", "anniversaries.jte", "calendar.jte");
    /**
     * The components the build renders by name rather than through a page ({@link SharedIncidentRows}): compiled up
     * front too, with the pages, so that a broken one fails before writing and none is compiled while pages render.
     */
    static final List<String> COMPONENTS = List.of(SharedIncidentRows.ROW_TEMPLATE);

    private final TemplateEngine engine;
    private final Path classDirectory;

    private Templates(TemplateEngine engine, Path classDirectory) {
        this.engine = engine;
        this.classDirectory = classDirectory;
    }

    /** A problem with custom templates, worded for the user. */
    static final class TemplateProblem extends Exception {
        TemplateProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Templates builtIn() {
        return new Templates(TemplateEngine.createPrecompiled(null, ContentType.Html,
                Templates.class.getClassLoader(), PRECOMPILED_PACKAGE), null);
    }

    static Templates withOverrides(Path templateDirectory) throws TemplateProblem {
        if (!Files.isDirectory(templateDirectory)) {
            throw new TemplateProblem("the template directory " + templateDirectory + " does not exist", null);
        }
        if (ToolProvider.getSystemJavaCompiler() == null) {
            throw new TemplateProblem("custom templates are compiled when the site is built, which needs a JDK; "
                    + "this Java (" + System.getProperty("java.home") + ") has no compiler. Run with a JDK, "
                    + "or remove the template directory setting", null);
        }
        Path classes;
        try {
            classes = Files.createTempDirectory("hindsight-templates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CodeResolver resolver = new OverridingCodeResolver(new DirectoryCodeResolver(templateDirectory),
                new ResourceCodeResolver(BUILT_IN_SOURCES, Templates.class.getClassLoader()));
        TemplateEngine engine = TemplateEngine.create(resolver, classes, ContentType.Html,
                Templates.class.getClassLoader());
        engine.setTrimControlStructures(true);
        engine.setBinaryStaticContent(true); // as the precompiled theme: fixed text is encoded once, not per page
        // Inside a Maven plugin or a fat jar the compiler cannot see our classes unless told where they are.
        engine.setClassPath(classPath());
        Templates templates = new Templates(engine, classes);
        for (String page : Stream.concat(PAGES.stream(), COMPONENTS.stream()).toList()) {
            try {
                engine.prepareForRendering(page);
            } catch (TemplateException | IllegalStateException e) {
                templates.close();
                throw new TemplateProblem("the templates in " + templateDirectory + " do not compile: "
                        + e.getMessage(), e);
            }
        }
        return templates;
    }

    /** The jars or class folders of jte and of the page models, which templates refer to. */
    private static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(TemplateEngine.class, gg.jte.TemplateOutput.class, Templates.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                // A class without a code source (e.g. from the boot class path) needs no entry.
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * Renders a page template with its model and the UI messages straight into {@code out} as UTF-8: the
     * largest pages (every action item of a big knowledge base) are tens of megabytes, and holding them as
     * strings would multiply the build's memory.
     */
    void render(String template, Object page, Messages messages, OutputStream out) throws IOException {
        renderTo(template, Map.of("page", page, "m", messages), out);
    }

    /** Renders a component template with {@code params} into the page being written to {@code output}. */
    void renderInto(String template, Map<String, Object> params, TemplateOutput output) {
        engine.render(template, params, output);
    }

    /** What a component template renders with {@code params}, as a page would have it: escaped, UTF-8. */
    byte[] renderBytes(String template, Map<String, Object> params) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        renderTo(template, params, bytes);
        return bytes.toByteArray();
    }

    /** Renders a template escaped and encoded as pages are; write failures are UncheckedIOExceptions. */
    private void renderTo(String template, Map<String, Object> params, OutputStream out) {
        Utf8PageOutput output = new Utf8PageOutput(out);
        engine.render(template, params, new EscapingPageOutput(output));
        output.finish();
    }

    @Override
    public void close() {
        if (classDirectory != null) {
            OutputDirectory.deleteRecursively(classDirectory);
        }
    }

    /** The template directory's files first, then the built-in templates of the same name. */
    private record OverridingCodeResolver(CodeResolver custom, CodeResolver builtIn) implements CodeResolver {
        @Override
        public String resolve(String name) {
            return custom.exists(name) ? custom.resolve(name) : builtIn.resolve(name);
        }

        @Override
        public long getLastModified(String name) {
            return custom.exists(name) ? custom.getLastModified(name) : builtIn.getLastModified(name);
        }

        @Override
        public boolean exists(String name) {
            return custom.exists(name) || builtIn.exists(name);
        }
    }
}
