//! SageMaker notebook instances (storage key, internet access) and endpoint configurations (storage
//! key).

use super::lambda::ref_or_string;
use crate::adapt::{string, Source};
use crate::model::{SagemakerEndpointConfiguration, SagemakerNotebookInstance};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_sagemaker_notebook_instance",
        "AWS::SageMaker::NotebookInstance",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut n = SagemakerNotebookInstance {
            name: t
                .field(r, ("name", "NotebookInstanceName"), "name", string)
                .known(),
            kms_key_id: ref_or_string(&mut t, r, ("kms_key_id", "KmsKeyId"), "kms_key_id").known(),
            // Both formats default to `Enabled`.
            direct_internet_access: t
                .field(
                    r,
                    ("direct_internet_access", "DirectInternetAccess"),
                    "direct_internet_access",
                    string,
                )
                .or_default("Enabled".to_string()),
            ..SagemakerNotebookInstance::default()
        };
        n.meta = t.finish(src.locations());
        src.model().aws.sagemaker.notebook_instances.push(n);
    }
    for item in src.items(
        "aws_sagemaker_endpoint_configuration",
        "AWS::SageMaker::EndpointConfig",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut e = SagemakerEndpointConfiguration {
            name: t
                .field(r, ("name", "EndpointConfigName"), "name", string)
                .known(),
            kms_key_arn: ref_or_string(&mut t, r, ("kms_key_arn", "KmsKeyId"), "kms_key_arn")
                .known(),
            ..SagemakerEndpointConfiguration::default()
        };
        e.meta = t.finish(src.locations());
        src.model().aws.sagemaker.endpoint_configurations.push(e);
    }
}
