package dev.hindsight.site;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in this JVM: the HTML5 schema and the
 * checker's assertions are loaded once, then every page is parsed and checked as {@code text/html}.
 * Language detection is off, since sample reports mix languages on purpose and it only ever warns.
 */
final class NuHtmlChecker {
    /** The schema the checker's own command line uses for HTML documents. */
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    /** One message from the checker, located in its file. */
    record Problem(Path file, int line, int column, Severity severity, String message) {
        @Override
        public String toString() {
            return file + ":" + line + "." + column + ": " + severity.name().toLowerCase() + ": " + message;
        }
    }

    enum Severity { WARNING, ERROR }

    private final SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);
    private final Collector collector = new Collector();

    NuHtmlChecker() {
        try {
            validator.setUpMainSchema(HTML_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the Nu HTML Checker", e);
        }
        if (!collector.problems.isEmpty()) {
            throw new IllegalStateException("the Nu HTML Checker's schema has problems: " + collector.problems);
        }
    }

    /** Every warning and error the checker reports for one HTML file, as if served from a file: URL. */
    List<Problem> check(Path file) {
        return check(file, file.toUri().toString());
    }

    /**
     * Every warning and error the checker reports for one HTML file, as if served from {@code url}. Pages
     * of a site are checked at an http URL: their Content-Security-Policy allows 'self', which a file: URL,
     * having no origin, never matches, so checking from disk would flag every stylesheet and script.
     */
    List<Problem> check(Path file, String url) {
        collector.start(file);
        try (InputStream bytes = Files.newInputStream(file)) {
            InputSource source = new InputSource(bytes);
            source.setSystemId(url);
            validator.checkHtmlInputSource(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            // A fatal error is also reported to the collector; anything else is the checker failing.
            if (!(e instanceof SAXParseException)) {
                throw new IllegalStateException("the Nu HTML Checker failed on " + file, e);
            }
        }
        return List.copyOf(collector.problems);
    }

    /** Gathers the checker's messages for the file being checked. */
    private static final class Collector implements ErrorHandler {
        private final List<Problem> problems = new ArrayList<>();
        private Path file;

        void start(Path next) {
            file = next;
            problems.clear();
        }

        @Override
        public void warning(SAXParseException e) {
            problems.add(problem(Severity.WARNING, e));
        }

        @Override
        public void error(SAXParseException e) {
            problems.add(problem(Severity.ERROR, e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            problems.add(problem(Severity.ERROR, e));
        }

        private Problem problem(Severity severity, SAXParseException e) {
            return new Problem(file, e.getLineNumber(), e.getColumnNumber(), severity, e.getMessage());
        }
    }
}
