# METADATA
# title: Internet-facing load balancer listener takes plain HTTP
# description: |
#   A listener that accepts HTTP and forwards it to targets carries requests, session cookies, tokens
#   and form posts unencrypted across the internet, where anyone on the path can read or change them.
#   An HTTP listener whose default action redirects to HTTPS, or answers with a fixed response, sends
#   no application data in the clear and is not flagged. Applies to Application Load Balancer listeners
#   and Classic Load Balancer listeners whose front-end protocol is HTTP; TCP, UDP and TLS listeners
#   of Network Load Balancers are not flagged (the balancer cannot tell whether the stream itself is
#   encrypted, as with TLS passed through to the targets). Listener rules that forward on their own
#   are not judged. Severity medium: interception needs a position on the network path, and the data
#   exposed is what the application sends. Internal load balancers (`internal = true`, `Scheme:
#   internal`) are not flagged: their traffic stays inside the VPC and networks joined to it, where
#   TLS termination at the balancer is a common, deliberate choice. A listener whose load balancer is
#   not in the scanned code is not judged, since its exposure is unknown.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
# custom:
#   id: AWS-ELB-001
#   name: lb-listener-plaintext-http
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Serve the aws_lb_listener with `protocol = "HTTPS"`, a `certificate_arn` and an `ssl_policy`, and
#     turn the HTTP listener into a `default_action` of `type = "redirect"` with a `redirect` block whose
#     `protocol = "HTTPS"` (`port = "443"`, `status_code = "HTTP_301"`). On an aws_elb, use
#     `lb_protocol = "https"` with an `ssl_certificate_id` in the `listener` block.
#   recommended_action_cloudformation: |
#     Give the `AWS::ElasticLoadBalancingV2::Listener` `Protocol: HTTPS` with `Certificates` and an
#     `SslPolicy`, and make the HTTP listener's `DefaultActions` a `Type: redirect` with a
#     `RedirectConfig` whose `Protocol` is `HTTPS`. On an `AWS::ElasticLoadBalancing::LoadBalancer`,
#     use `Protocol: HTTPS` with an `SSLCertificateId` in each of its `Listeners`.
#   frameworks:
#     - AWS Foundational Security Best Practices ELB.1
package preflight.aws.elb.listener_plaintext_http

import data.preflight.lib

deny contains lib.result(l, "protocol", msg) if {
	some l in input.aws.elb.listeners
	l.protocol == "HTTP"
	l.internal == false
	not lib.unknown_under(l, "default_actions")
	not sends_nothing(l)
	msg := sprintf("Load balancer listener `%s` accepts plain HTTP from the internet and does not redirect it to HTTPS", [l.label])
}

deny contains lib.result(lb, sprintf("listeners[%d].protocol", [i]), msg) if {
	some lb in input.aws.elb.load_balancers
	lb.lb_type == "classic"
	lb.internal == false
	some i, li in lb.listeners
	li.protocol == "HTTP"
	msg := sprintf("Classic load balancer `%s` accepts plain HTTP from the internet%s", [lb.label, port(li)])
}

port(li) := sprintf(" on port %d", [li.port]) if is_number(li.port)

port(li) := "" if not is_number(li.port)

# The default action answers without reaching the targets over plain HTTP.
sends_nothing(l) if {
	some a in l.default_actions
	a.action_type == "redirect"
	a.redirect_protocol == "HTTPS"
}

sends_nothing(l) if {
	some a in l.default_actions
	a.action_type == "fixed-response"
}
