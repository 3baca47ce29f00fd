/** Business-free Excel building blocks: tolerant .xlsx reading, cell-text normalisers, export and template writing. */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.excel;
