// Learning (placeholder): training videos, sample projects, docs and the knowledge base.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Placeholder } from '../../components/Placeholder.tsx';

export function LearningView() {
  return (
    <>
      <PageHeader
        title="Learning"
        description="Get familiar with Chaos products through learning resources."
      />
      <Placeholder
        icon="learning"
        lead="This is where you will find links to learning resources for your products."
        sections={[
          { title: 'Training videos', text: 'Courses and walkthroughs for each product you hold.' },
          { title: 'Sample projects', text: 'Scenes to download and study.' },
          { title: 'Docs', text: 'The product documentation.' },
          { title: 'Knowledge Base', text: 'Answers to common questions and known issues.' },
        ]}
      />
    </>
  );
}
