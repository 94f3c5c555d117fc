//! Resource policies (who else may use a queue, key, secret, vault…): written on the resource itself or
//! in a companion resource that names it, and stored in the entity's `policy` field.

use crate::adapt::{Item, Joiner, Name, Target, Tracker};
use crate::model::{Document, HasMeta};
use crate::terraform::value::Value;

/// An entity that holds one resource policy in its `policy` field.
pub(super) trait WithPolicy: HasMeta {
    fn policy_mut(&mut self) -> &mut Option<Document>;
}

macro_rules! with_policy {
    ($($t:ty),*) => {$(
        impl WithPolicy for $t {
            fn policy_mut(&mut self) -> &mut Option<Document> {
                &mut self.policy
            }
        }
    )*};
}

with_policy!(
    crate::model::SqsQueue,
    crate::model::KmsKey,
    crate::model::Secret,
    crate::model::EfsFileSystem,
    crate::model::BackupVault,
    crate::model::GlacierVault,
    crate::model::LogDestination,
    crate::model::EventBus,
    crate::model::ApiGatewayRestApi
);

/// The name at the end of an ARN or URL (`arn:aws:sqs:eu-west-1:111122223333:orders`,
/// `https://sqs.eu-west-1.amazonaws.com/111122223333/orders`, `arn:…:destination:central`): what a
/// literal in a companion resource names its parent by.
pub(super) fn last_segment(s: &str) -> &str {
    s.rsplit(['/', ':']).next().unwrap_or(s)
}

/// How a companion's value names its parent: a reference by address, a literal by the name at its end.
fn target_of(v: &Value) -> Target {
    match v {
        Value::Ref(r) => Target::Address(r.address.clone()),
        Value::String(s) if !last_segment(s).is_empty() => {
            Target::Name(last_segment(s).to_string())
        }
        _ => Target::Unknown,
    }
}

/// Reads the policy of companion `item` (attribute `policy`) into every entity that its attribute
/// `parent` names (one value, or a list such as `AWS::SQS::QueuePolicy`'s `Queues`). A companion whose
/// parent is not in the scan stands for it, with `unknown` listing what it cannot tell. The companion's
/// policy replaces one written on the parent; one that cannot be read leaves the entity's `policy`
/// unknown.
pub(super) fn join<T: WithPolicy>(
    joiner: &mut Joiner<T>,
    item: &Item,
    parent: impl Name,
    policy: impl Name,
    unknown: &[&str],
) {
    let r = &item.res;
    let parent = parent.pick(r.format()).to_string();
    let policy = policy.pick(r.format()).to_string();
    let mut found: Vec<usize> = match r.attr(parent.as_str()) {
        Some((Value::List(items), _)) => items
            .iter()
            .filter_map(|v| joiner.find(&target_of(v)))
            .collect(),
        Some((v, _)) => joiner.find(&target_of(&v)).into_iter().collect(),
        None => Vec::new(),
    };
    found.sort_unstable();
    found.dedup();
    if found.is_empty() {
        let (entity, t) = joiner.join(item, &parent, unknown);
        set(entity, t, item, &policy);
        return;
    }
    for i in found {
        let (entity, t) = &mut joiner.items[i];
        set(entity, t, item, &policy);
    }
}

fn set<T: WithPolicy>(entity: &mut T, t: &mut Tracker, item: &Item, policy: &str) {
    *entity.policy_mut() = t.document(&item.res, policy, "policy").known();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    fn model(yaml: &str) -> Model {
        crate::cloudformation::adapt::model_of_yaml(yaml).0
    }

    const OPEN: &str = "      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: sqs:SendMessage\n            Resource: '*'\n";

    #[test]
    fn a_queue_policy_joins_every_queue_it_lists() {
        let m = model(&format!(
            "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: a\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: b\n  C:\n    Type: AWS::SQS::Queue\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref A, 'https://sqs.eu-west-1.amazonaws.com/111122223333/b']\n{OPEN}  Lost:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: ['https://sqs.eu-west-1.amazonaws.com/111122223333/elsewhere']\n{OPEN}"
        ));
        let q = &m.aws.sqs.queues;
        assert_eq!(q.len(), 4);
        assert!(q[0].policy.is_some() && q[1].policy.is_some());
        assert!(q[2].policy.is_none());
        // The queue outside the template stands as the policy's own entity, its encryption unknown.
        assert_eq!(q[3].meta.id, "Lost");
        assert!(q[3].policy.is_some());
        assert_eq!(q[3].encrypted, None);
        assert!(q[3].meta.unknown.contains(&"encrypted".to_string()));
    }

    #[test]
    fn an_unreadable_companion_policy_leaves_the_policy_unknown() {
        let m = model(
            "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Doc:\n    Type: String\nResources:\n  S:\n    Type: AWS::SecretsManager::Secret\n  P:\n    Type: AWS::SecretsManager::ResourcePolicy\n    Properties:\n      SecretId: !Ref S\n      ResourcePolicy: !Ref Doc\n",
        );
        let s = &m.aws.secretsmanager.secrets;
        assert_eq!(s.len(), 1);
        assert!(s[0].policy.is_none());
        assert!(s[0].meta.unknown.contains(&"policy".to_string()));
    }

    #[test]
    fn literals_name_their_parent_by_the_last_segment() {
        assert_eq!(
            last_segment("https://sqs.eu-west-1.amazonaws.com/111122223333/orders"),
            "orders"
        );
        assert_eq!(
            last_segment("arn:aws:sqs:eu-west-1:111122223333:orders"),
            "orders"
        );
        assert_eq!(last_segment("fs-0123456789abcdef0"), "fs-0123456789abcdef0");
        assert!(matches!(
            target_of(&Value::String("arn:aws:logs:eu-west-1:1:destination:central".into())),
            Target::Name(n) if n == "central"
        ));
        assert!(matches!(
            target_of(&Value::String("https://x/".into())),
            Target::Unknown
        ));
    }
}
