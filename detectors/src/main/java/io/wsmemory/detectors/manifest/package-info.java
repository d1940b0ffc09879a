/**
 * Manifest readers: {@code library} facts from the dependency manifests of a repository.
 *
 * <p>Each reader selects its files by name only and reads them as text; the catalog of WebSocket libraries is data
 * ({@code libraries.json}). Rules that hold for every reader:
 * <ul>
 *   <li>One fact per declaration: the evidence is the manifest line that names the dependency (for pom.xml its
 *       {@code artifactId}); the same library in two manifests is two facts.</li>
 *   <li>Value: the version a lock file resolved for exactly this declaration, else the range as written, else
 *       {@code unknown}. An exact pin ({@code ==4.0.0}, a go.mod version, a Maven version) is a version. When the value
 *       differs from what the manifest wrote, {@code attrs.range} keeps the written text (also an unresolved
 *       {@code ${property}}); {@code attrs.lock} names the lock that resolved it.</li>
 *   <li>A lock in an ancestor folder speaks for a manifest only when it lists the manifest's folder as a workspace
 *       or importer (or the ancestor's package.json workspaces include it). A lock whose version no longer satisfies
 *       the manifest's range is stale and ignored. Packages only in a lock (transitive) make no fact.</li>
 *   <li>Spring Boot is no {@code library} fact of its own: its version (parent, imported BOM, Gradle plugin or
 *       catalog plugin) becomes the value of version-less Spring, Netty and WebSocket API artifacts, marked
 *       {@code attrs.versionOf: spring-boot} because it is Boot's version, not the jar's.</li>
 *   <li>Maven {@code dependencyManagement} and Gradle {@code constraints} give versions, not dependencies.</li>
 *   <li>{@code attrs.scope}: {@code dev} (devDependencies, test scope, test configurations, dev/test groups and
 *       requirement files), {@code peer}, {@code optional}.</li>
 *   <li>A manifest that does not parse yields nothing; a lock that does not parse resolves nothing.</li>
 * </ul>
 */
package io.wsmemory.detectors.manifest;
