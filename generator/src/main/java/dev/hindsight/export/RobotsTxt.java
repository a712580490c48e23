package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.site.SitePaths;

import java.nio.charset.StandardCharsets;

/**
 * {@code robots.txt}: lets every crawler in and, when the base URL is known, points it at the sitemap
 * (the only place a crawler looks for one without being told). Crawlers read it only at a host's root,
 * so it matters when the site is served there; elsewhere it is harmless. See docs/exports.md.
 */
final class RobotsTxt implements Export {
    @Override
    public String fileName() {
        return "robots.txt";
    }

    @Override
    public byte[] render(KnowledgeBase kb, ExportContext context) {
        StringBuilder text = new StringBuilder("User-agent: *\nAllow: /\n");
        String sitemap = context.absolute(SitePaths.SITEMAP);
        if (sitemap != null) {
            text.append("\nSitemap: ").append(sitemap).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
