/**
 * Reports of a selection result: {@link io.modelscout.reports.JsonReport} writes and reads {@code result.json},
 * {@link io.modelscout.reports.HtmlReport} renders the self-contained {@code report.html} from Mustache templates kept
 * beside these classes as resources.
 */
package io.modelscout.reports;
