package io.wsmemory.detectors.infra.cloudformation;

import static io.wsmemory.detectors.infra.InfraScan.brief;
import static io.wsmemory.detectors.infra.InfraScan.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.api.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationDetectorTest {

    @TempDir
    Path dir;

    @Test
    void jsonTemplatesWithRefs() {
        List<Fact> facts = facts(dir, Map.of("cfn/stack.json", """
                {
                  "Parameters": {
                    "Count": { "Type": "Number", "Default": "5" }
                  },
                  "Resources": {
                    "Svc": {
                      "Type": "AWS::ECS::Service",
                      "Properties": {
                        "ServiceName": "gateway",
                        "DesiredCount": { "Ref": "Count" }
                      }
                    },
                    "Elb": {
                      "Type": "AWS::ElasticLoadBalancing::LoadBalancer",
                      "Properties": {
                        "ConnectionSettings": { "IdleTimeout": 400 },
                        "LBCookieStickinessPolicy": [ { "PolicyName": "p", "CookieExpirationPeriod": "60" } ]
                      }
                    },
                    "Nlb": {
                      "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                      "Properties": { "Type": "network" }
                    }
                  }
                }
                """), new CloudFormationDetector());
        assertThat(brief(facts)).containsExactly(
                "capacity replicas=5 cfn/stack.json:10",
                "setting idle.timeout=400000 cfn/stack.json:16",
                "sticky cookie=AWS ELB Elb LBCookieStickinessPolicy cfn/stack.json:17");
        assertThat(facts.get(0).evidence()).extracting(e -> e.location())
                .containsExactly("cfn/stack.json:10", "cfn/stack.json:3");
    }

    @Test
    void yamlWithoutResourcesOrWithUnknownRefsGivesNothing() {
        List<Fact> facts = facts(dir, Map.of(
                "cfn/a.yaml", "Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n"
                        + "      MinSize: !Ref Missing\n      MaxSize: !GetAtt X.Y\n",
                "cfn/b.yaml", "Description: mentions AWS:: and Resources only in prose\n"),
                new CloudFormationDetector());
        assertThat(facts).isEmpty();
    }
}
