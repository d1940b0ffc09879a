package io.wsmemory.detectors.infra.terraform;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformDetectorTest {

    @TempDir
    Path dir;

    @Test
    void hclStringsHeredocsAndCommentsDoNotBreakTheStructure() {
        Hcl.Block root = Hcl.parse("""
                /* a block comment with { braces } */
                locals {
                  name = "ws-${var.env}-${lookup(var.m, "k", "}")}"
                  policy = <<-EOT
                    { "Statement": [ "}" ] }
                  EOT
                  count = 4 // trailing
                }
                resource "aws_ecs_service" "svc" {
                  desired_count = local.count
                  tags = { a = "b", c = [1, 2] }
                  dynamic "x" {
                    content { y = 1 }
                  }
                }
                """);
        Hcl.Block locals = root.block("locals");
        assertThat(locals.attribute("name").literal()).isNull();
        assertThat(locals.attribute("policy").line()).isEqualTo(4);
        assertThat(locals.attribute("count").literal()).isEqualTo("4");
        assertThat(locals.attribute("count").line()).isEqualTo(7);
        Hcl.Block svc = root.block("resource");
        assertThat(svc.labels()).containsExactly("aws_ecs_service", "svc");
        assertThat(svc.attribute("desired_count").expression()).isEqualTo("local.count");
        assertThat(svc.attribute("tags").line()).isEqualTo(11);
        assertThat(svc.block("dynamic").block("content").attribute("y").literal()).isEqualTo("1");
    }

    @Test
    void tfvarsOverrideDefaultsAndNetworkTargetGroupsUseSourceIp() {
        List<Fact> facts = facts(dir, Map.of(
                "infra/main.tf", """
                        resource "aws_autoscaling_group" "ws" {
                          name             = "ws-asg"
                          min_size         = var.min
                          max_size         = 10
                          desired_capacity = var.desired
                        }
                        resource "aws_lb_target_group" "tcp" {
                          port     = 443
                          protocol = "TCP"
                          stickiness {
                            type = "source_ip"
                          }
                        }
                        resource "aws_lb" "nlb" {
                          load_balancer_type = "network"
                        }
                        resource "aws_lb" "alb" {
                          name = "public"
                        }
                        """,
                "infra/variables.tf", """
                        variable "min" {
                          default = 2
                        }
                        variable "desired" {
                          default = 3
                        }
                        """,
                "infra/terraform.tfvars", "desired = 6\n",
                "other/main.tf", "variable \"min\" {\n  default = 99\n}\n"),
                new TerraformDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity autoscale.max=10 infra/main.tf:4",
                "capacity autoscale.min=2 infra/main.tf:3",
                "capacity replicas=6 infra/main.tf:5",
                "setting idle.timeout=60000 infra/main.tf:17",
                "sticky ip_hash=AWS target group \"tcp\" stickiness type=source_ip infra/main.tf:10");
        Fact replicas = facts.get(2);
        assertThat(replicas.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(replicas.evidence()).extracting(e -> e.location())
                .containsExactly("infra/main.tf:5", "infra/terraform.tfvars:1");
        assertThat(facts.get(3).source()).isEqualTo(Source.DEFAULT);
        assertThat(facts.get(4).attr("lb")).isEqualTo("aws-nlb");
    }

    @Test
    void googleBackendServiceAndKubernetesProvider() {
        List<Fact> facts = facts(dir, Map.of("gcp.tf", """
                resource "google_compute_backend_service" "ws" {
                  name             = "ws"
                  session_affinity = "CLIENT_IP"
                  timeout_sec      = 3600
                }
                resource "kubernetes_deployment_v1" "chat" {
                  metadata {
                    name = "chat"
                  }
                  spec {
                    replicas = 2
                    template {
                      spec {
                        container {
                          image = "example/chat:1"
                        }
                      }
                    }
                  }
                }
                resource "kubernetes_deployment_v1" "redis" {
                  metadata {
                    name = "redis"
                  }
                  spec {
                    replicas = 1
                    template {
                      spec {
                        container {
                          image = "redis:7"
                        }
                      }
                    }
                  }
                }
                """), new TerraformDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity replicas=2 gcp.tf:11",
                "setting idle.timeout=3600000 gcp.tf:4",
                "sticky session-affinity=Google backend service session_affinity = CLIENT_IP gcp.tf:3");
    }
}
