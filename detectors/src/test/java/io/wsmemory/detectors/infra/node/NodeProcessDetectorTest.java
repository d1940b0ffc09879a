package io.wsmemory.detectors.infra.node;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProcessDetectorTest {

    @TempDir
    Path dir;

    @Test
    void instancesValues() {
        assertThat(NodeProcessDetector.instances("max")).isEqualTo("cpus");
        assertThat(NodeProcessDetector.instances("0")).isEqualTo("cpus");
        assertThat(NodeProcessDetector.instances("-1")).isEqualTo("cpus-1");
        assertThat(NodeProcessDetector.instances("4")).isEqualTo("4");
        assertThat(NodeProcessDetector.instances("some")).isNull();
    }

    @Test
    void forkLoopsOfEveryShape() {
        List<Fact> facts = facts(dir, Map.of(
                "a.js", """
                        const cluster = require('cluster');
                        const os = require('os');
                        os.cpus().forEach(() => cluster.fork());
                        """,
                "b.ts", """
                        import * as cluster from 'node:cluster';
                        import { availableParallelism } from 'node:os';
                        for (let i = 1; i <= 3; i++) {
                          cluster.fork();
                        }
                        """,
                "c.mjs", """
                        import cluster from 'cluster';
                        const WORKERS = Number(process.env.WEB_CONCURRENCY) || 2;
                        const n = process.env.WORKERS || 2;
                        for (let i = 0; i < n; i++) cluster.fork();
                        """,
                "d.js", """
                        const cluster = require('cluster');
                        import os from 'os';
                        for (const _ of os.cpus()) {
                          cluster.fork();
                        }
                        """,
                "e.js", """
                        const { fork } = require('child_process');
                        const cluster = { fork() {} };
                        for (let i = 0; i < 5; i++) cluster.fork();
                        """),
                new NodeProcessDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity replicas=2 c.mjs:4",
                "capacity replicas=3 b.ts:3",
                "capacity replicas=cpus a.js:3");
        // the same count in two files is one fact with two places
        assertThat(facts.get(2).evidence()).extracting(e -> e.location()).containsExactly("a.js:3", "d.js:3");
        Fact env = facts.get(0);
        assertThat(env.source()).isEqualTo(Source.ENV);
        assertThat(env.attr("variable")).isEqualTo("WORKERS");
    }

    @Test
    void pm2FilesInTheirShapes() {
        List<Fact> facts = facts(dir, Map.of(
                "processes.json", """
                        [
                          {"name": "a", "script": "a.js", "instances": "4", "exec_mode": "cluster_mode"},
                          {"name": "b", "script": "b.js"}
                        ]
                        """,
                "ecosystem.json", "{\"apps\": [{\"name\": \"c\", \"instances\": 0}]}",
                "pm2.config.js", """
                        const INSTANCES = process.env.PM2_INSTANCES || 2;
                        module.exports = { apps: [{ name: 'd', script: 'd.js', instances: INSTANCES }] };
                        """,
                "other.json", "{\"instances\": 9}"),
                new NodeProcessDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity replicas=2 pm2.config.js:2",
                "capacity replicas=4 processes.json:2",
                "capacity replicas=cpus ecosystem.json:1");
        assertThat(facts.get(0).source()).isEqualTo(Source.ENV);
        assertThat(facts.get(0).evidence()).extracting(e -> e.location()).contains("pm2.config.js:1");
        assertThat(facts.get(1).attr("mode")).isEqualTo("cluster");
    }

    @Test
    void pm2CommandLines() {
        List<Fact> facts = facts(dir, Map.of(
                "package.json", """
                        {
                          "scripts": {
                            "start": "pm2 start dist/server.js -i max --no-daemon",
                            "start:two": "NODE_ENV=production pm2-runtime start ws.js --instances 2",
                            "dev": "pm2 start ecosystem.config.js"
                          }
                        }
                        """,
                "docker/Dockerfile", """
                        FROM node:20
                        # RUN pm2 start old.js -i 8
                        CMD ["pm2-runtime", "app.js", "-i", "4"]
                        ENTRYPOINT pm2-runtime app.js -i 3
                        """),
                new NodeProcessDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity replicas=2 package.json:4",
                "capacity replicas=3 docker/Dockerfile:4",
                "capacity replicas=4 docker/Dockerfile:3",
                "capacity replicas=cpus package.json:3");
        assertThat(facts.get(3).attr("service")).isEqualTo("dist/server.js");
    }
}
