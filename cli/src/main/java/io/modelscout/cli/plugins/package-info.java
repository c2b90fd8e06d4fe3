/**
 * Plugins from folders: each jar (or sub-folder of jars) in its own class loader that sees only the JDK and the
 * plugin API, with API-version checks, duplicate-id errors and warnings for jars that cannot be used.
 */
package io.modelscout.cli.plugins;
