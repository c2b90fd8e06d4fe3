/** The {@code modelscout} command line: wires the plugins found by ServiceLoader into Guice and runs the selector. */
package io.modelscout.cli;
