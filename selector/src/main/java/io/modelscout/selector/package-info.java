/** The selector: from a task file and the registered plugins to a recommendation with its evidence. */
package io.modelscout.selector;
