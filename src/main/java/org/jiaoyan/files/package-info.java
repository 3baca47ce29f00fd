/**
 * Attachment storage behind one {@link org.jiaoyan.files.FileStore}: uploads stream to disk (never whole in memory),
 * are checked against a size limit and a type allow-list, and are stored under their content hash. Access follows the
 * owning record: modules keep the key and check their own data scope before opening a file.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.files;
