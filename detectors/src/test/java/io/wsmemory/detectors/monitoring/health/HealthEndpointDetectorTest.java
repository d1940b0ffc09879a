package io.wsmemory.detectors.monitoring.health;

import static io.wsmemory.detectors.monitoring.ScanHelper.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Detector;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import io.wsmemory.detectors.monitoring.ScanHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthEndpointDetectorTest {

    @TempDir
    Path dir;

    private List<Fact> scan(ScanHelper repo) {
        return repo.scan(List.<Detector>of(new HealthEndpointDetector()), List.of()).facts();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"/health ; true", "/api/healthz ; true", "/_ready ; true",
        "/health-check ; true", "/ping ; true", "/api/v1/status ; true", "/health/status ; true", "/ ; false",
        "/orders/status ; false", "/rooms/:id/ping ; false", "/healthcare ; false", "/api/users ; false",
        "/:health ; false", "/internal/live ; true", "/health-check/ws ; true", "/health/db ; true",
        "/live/stream ; false", "/health/:id ; false"})
    void healthPaths(String path, boolean health) {
        assertThat(HealthPaths.isHealth(HealthPaths.normalise(path))).as(path).isEqualTo(health);
    }

    @Test
    void rootTextIsNotAHealthCheckAndClientsDeclareNone() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("src/index.ts", """
                        import express from "express";
                        const app = express();
                        app.get("/", (req, res) => { res.send("Excalidraw collaboration server is up :)"); });
                        app.get("/status", handler);
                        function handler(req: any, res: any) { res.send("ok"); }
                        """)
                .file("web/api.ts", """
                        import axios from "axios";
                        export const up = () => axios.get("/health");
                        export const up2 = (http: any) => http.get("/health", { timeout: 5 });
                        """)
                .file("src/cache.js", "const redis = require('redis'); const app = require('./app');\n"
                        + "redis.get('status', (err, v) => v);\n"));
        assertThat(ScanHelper.lines(facts)).containsExactly("health /status=http @src/index.ts:4");
    }

    @Test
    void testFilesAreNotRead() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("test/server.test.js", "const app = require('express')(); app.get('/health', (q, r) => 1);\n")
                .file("internal/h_test.go", "package h\nimport \"net/http\"\nfunc T() { http.HandleFunc(\"/healthz\", nil) }\n"));
        assertThat(facts).isEmpty();
    }

    @Test
    void nestRoutesTakeTheGlobalPrefixUnlessExcluded() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("src/main.ts", """
                        async function bootstrap() {
                          const app = await NestFactory.create(AppModule);
                          app.setGlobalPrefix("api", { exclude: ["healthz"] });
                        }
                        """)
                .file("src/health.controller.ts", """
                        import { Controller, Get } from "@nestjs/common";
                        @Controller()
                        export class Health {
                          @Get("healthz") plain() {}
                          @Get(["ready", "live"]) probes() {}
                        }
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "health /healthz=http @src/health.controller.ts:4",
                "health /api/ready=readiness @src/health.controller.ts:5",
                "health /api/live=liveness @src/health.controller.ts:5");
    }

    @Test
    void actuatorByDefaultOnBoot2AndAtRootOnBoot1() {
        List<Fact> boot2 = scan(ScanHelper.in(dir.resolve("b2")).file("pom.xml", """
                <project><dependencies>
                  <dependency><groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-actuator</artifactId></dependency>
                </dependencies></project>
                """));
        assertThat(ScanHelper.lines(boot2)).containsExactly("health /actuator/health=http @pom.xml:3");
        assertThat(boot2.get(0).source()).isEqualTo(Source.DEFAULT);

        List<Fact> boot1 = scan(ScanHelper.in(dir.resolve("b1")).file("build.gradle", """
                buildscript { dependencies { classpath("org.springframework.boot:spring-boot-gradle-plugin:1.5.9.RELEASE") } }
                dependencies { compile("org.springframework.boot:spring-boot-starter-actuator") }
                """));
        assertThat(ScanHelper.lines(boot1)).containsExactly("health /health=http @build.gradle:2");
    }

    @Test
    void actuatorTakenOffTheWebIsNoEndpoint() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("build.gradle.kts", "dependencies { implementation(\"org.springframework.boot:spring-boot-starter-actuator\") }\n")
                .file("src/main/resources/application.properties", "management.endpoints.web.exposure.include=info,metrics\n"));
        assertThat(facts).isEmpty();
        List<Fact> excluded = scan(ScanHelper.in(dir.resolve("x"))
                .file("build.gradle", "implementation 'org.springframework.boot:spring-boot-starter-actuator'\n")
                .file("application.yml", "management:\n  endpoints:\n    web:\n      exposure:\n        exclude: \"*\"\n"));
        assertThat(excluded).isEmpty();
    }

    @Test
    void springMappingsWithClassPrefixes() {
        List<Fact> facts = scan(ScanHelper.in(dir).file("src/H.java", """
                import org.springframework.web.bind.annotation.*;
                @RestController
                @RequestMapping(path = "/ops")
                class H {
                    static final String LIVE = "/live";
                    @GetMapping({"/health", LIVE}) String a() { return ""; }
                    @RequestMapping(value = "/ready", method = RequestMethod.POST) String b() { return ""; }
                    @RequestMapping("/ping") String c() { return ""; }
                }
                """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "health /ops/health=http @src/H.java:6",
                "health /ops/live=liveness @src/H.java:6",
                "health /ops/ping=http @src/H.java:8");
        assertThat(only(facts, "health", "/ops/ping").attr("framework")).isEqualTo("spring");
    }

    @Test
    void pythonDecoratorsAndCallsNeedAView() {
        List<Fact> facts = scan(ScanHelper.in(dir)
                .file("app.py", """
                        from aiohttp import web
                        import requests
                        app = web.Application()
                        app.router.add_get("/healthz", handler)
                        requests.get("/health", timeout=3)
                        """)
                .file("flask_app.py", """
                        from flask import Flask, Blueprint
                        bp = Blueprint("x", __name__, url_prefix="/internal")
                        @bp.route("/ready")
                        def r():
                            return "ok"
                        """));
        assertThat(ScanHelper.lines(facts)).containsExactlyInAnyOrder(
                "health /healthz=http @app.py:4",
                "health /internal/ready=readiness @flask_app.py:3");
    }
}
