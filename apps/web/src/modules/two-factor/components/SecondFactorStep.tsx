import type { LoginChallenge } from '@stip/contracts';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api/client';
import { t } from '../../../shared/i18n/zh-CN';
import { useConfirmLoginEnrolment, useLoginWithCode, useStartLoginEnrolment } from '../hooks/useTwoFactor';
import { CodeForm } from './CodeForm';
import { EnrolmentPanel } from './EnrolmentPanel';
import { RecoveryCodesView } from './RecoveryCodesView';

const text = t.twoFactor;

/**
 * The login page's second step, after a correct password: a code (or recovery code) when the account has two-factor
 * sign-in, or, for an administrator who must have it and has none, the enrolment before anything else.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: LoginChallenge;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const verify = useLoginWithCode();
  const startEnrolment = useStartLoginEnrolment();
  const confirmEnrolment = useConfirmLoginEnrolment();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { pendingToken } = challenge;
  const error = verify.error ?? startEnrolment.error ?? confirmEnrolment.error;

  let body;
  if (challenge.secondFactor === 'verify') {
    body = (
      <>
        <Typography.Paragraph type="secondary">{text.loginHint}</Typography.Paragraph>
        <CodeForm
          allowRecoveryCode
          pending={verify.isPending}
          submitText={text.loginSubmit}
          onSubmit={(code) => verify.mutate({ pendingToken, code }, { onSuccess: onSignedIn })}
        />
      </>
    );
  } else if (recoveryCodes) {
    body = <RecoveryCodesView codes={recoveryCodes} onDone={onSignedIn} />;
  } else if (startEnrolment.data) {
    body = (
      <EnrolmentPanel
        enrolment={startEnrolment.data}
        pending={confirmEnrolment.isPending}
        onConfirm={(code) =>
          confirmEnrolment.mutate({ pendingToken, code }, { onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) })
        }
      />
    );
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{text.enrolHint}</Typography.Paragraph>
        <Button
          type="primary"
          block
          size="large"
          loading={startEnrolment.isPending}
          onClick={() => startEnrolment.mutate({ pendingToken })}
          data-testid="two-factor-enrol-start"
        >
          {text.enrolStart}
        </Button>
      </>
    );
  }

  return (
    <Flex vertical gap={8} data-testid="two-factor-step">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {challenge.secondFactor === 'verify' ? text.loginTitle : text.enrolTitle}
      </Typography.Title>
      {error && !recoveryCodes ? <Alert type="error" showIcon message={errorMessage(error)} data-testid="two-factor-error" /> : null}
      {body}
      {!recoveryCodes ? (
        <Button type="link" onClick={onRestart} data-testid="two-factor-restart">
          {text.backToPassword}
        </Button>
      ) : null}
    </Flex>
  );
}
